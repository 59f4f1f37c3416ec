/**
 * Typed event subscriptions. Emitting costs one length check when nobody listens, and callers
 * check {@link Emitter.active} before building an event object at all.
 */

export interface Disposable {
  dispose(): void;
}

export type Listener<T> = (event: T) => void;

export class Emitter<T> {
  private listeners: Listener<T>[] = [];
  private readonly onListenerError: (error: unknown) => void;

  constructor(onListenerError: (error: unknown) => void) {
    this.onListenerError = onListenerError;
  }

  /** Whether anybody listens. */
  get active(): boolean {
    return this.listeners.length > 0;
  }

  subscribe(listener: Listener<T>): Disposable {
    this.listeners = [...this.listeners, listener];
    return {
      dispose: () => {
        this.listeners = this.listeners.filter((l) => l !== listener);
      },
    };
  }

  /** Calls every listener; a throwing listener is reported and never stops the others. */
  emit(event: T): void {
    for (const listener of this.listeners) {
      try {
        listener(event);
      } catch (error) {
        this.onListenerError(error);
      }
    }
  }

  clear(): void {
    this.listeners = [];
  }
}

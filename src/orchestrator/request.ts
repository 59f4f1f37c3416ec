/**
 * Checks a run request and builds the frozen input critics receive.
 */
import { randomUUID } from 'node:crypto';
import { InvalidRequestError } from './errors.js';
import type { CriticInput, CriticOutput, RunContext, RunRequest } from './types.js';
import { isPlainObject } from './validate.js';

const RISK_TIERS: readonly unknown[] = ['low', 'medium', 'high'];
const EMPTY: Readonly<Record<string, CriticOutput>> = Object.freeze({});

/** Checks the request; throws {@link InvalidRequestError} naming the field. */
export function checkRequest(request: unknown): RunRequest {
  if (!isPlainObject(request)) throw new InvalidRequestError('request', 'an object', request);
  const { inputText, modelResponse, context, traceId } = request;
  if (typeof inputText !== 'string')
    throw new InvalidRequestError('inputText', 'a string', inputText);
  if (typeof modelResponse !== 'string') {
    throw new InvalidRequestError('modelResponse', 'a string', modelResponse);
  }
  if (context !== undefined) {
    if (!isPlainObject(context)) throw new InvalidRequestError('context', 'an object', context);
    const tier = context['riskTier'];
    if (tier !== undefined && !RISK_TIERS.includes(tier)) {
      throw new InvalidRequestError('context.riskTier', "'low', 'medium' or 'high'", tier);
    }
  }
  if (traceId !== undefined && (typeof traceId !== 'string' || traceId === '')) {
    throw new InvalidRequestError('traceId', 'a non-empty string', traceId);
  }
  return request as unknown as RunRequest;
}

/** The input shared by every critic without dependencies. */
export function baseInput(request: RunRequest): CriticInput {
  const context: RunContext = request.context === undefined ? {} : { ...request.context };
  return Object.freeze({
    inputText: request.inputText,
    modelResponse: request.modelResponse,
    context: Object.freeze(context),
    traceId: request.traceId ?? randomUUID(),
    priorResults: EMPTY,
  });
}

/** The input of a critic with dependencies: the base plus its dependencies' outputs only. */
export function inputWithPriors(
  base: CriticInput,
  priors: Readonly<Record<string, CriticOutput>>,
): CriticInput {
  return Object.freeze({ ...base, priorResults: Object.freeze(priors) });
}

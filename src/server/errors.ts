/**
 * How errors reach HTTP clients: one JSON shape, `{ error: { code, message, field? } }`, with
 * the status the error carries. Eleanor's typed errors say what was wrong; fastify's own (bad
 * JSON, body too large, wrong media type) are mapped to the same shape; anything else is a 500
 * whose details stay in the log.
 */
import type { FastifyReply } from 'fastify';
import { EleanorError, InvalidRequestError, OverloadedError } from '../orchestrator/errors.js';

export interface ErrorBody {
  error: { code: string; message: string; field?: string };
}

/** fastify's client errors, by their code. */
const FASTIFY_ERRORS: Readonly<Record<string, { status: number; code: string; message: string }>> =
  {
    FST_ERR_CTP_INVALID_JSON_BODY: {
      status: 400,
      code: 'INVALID_JSON',
      message: 'the body is not valid JSON',
    },
    FST_ERR_CTP_EMPTY_JSON_BODY: {
      status: 400,
      code: 'INVALID_JSON',
      message: 'the body is empty; expected a JSON object',
    },
    FST_ERR_CTP_BODY_TOO_LARGE: {
      status: 413,
      code: 'BODY_TOO_LARGE',
      message: 'the body is larger than the limit',
    },
    FST_ERR_CTP_INVALID_MEDIA_TYPE: {
      status: 415,
      code: 'UNSUPPORTED_MEDIA_TYPE',
      message: 'expected Content-Type: application/json',
    },
    FST_ERR_CTP_INVALID_CONTENT_LENGTH: {
      status: 400,
      code: 'INVALID_CONTENT_LENGTH',
      message: 'Content-Length does not match the body',
    },
  };

export interface MappedError {
  status: number;
  body: ErrorBody;
  /** Seconds, for `Retry-After`. */
  retryAfter?: number;
  /** Unexpected: log it with its stack. */
  unexpected: boolean;
}

export function mapError(error: unknown, bodyLimitBytes: number): MappedError {
  if (error instanceof InvalidRequestError) {
    return {
      status: 400,
      body: { error: { code: error.code, message: error.message, field: error.field } },
      unexpected: false,
    };
  }
  if (error instanceof OverloadedError) {
    return {
      status: 503,
      body: { error: { code: error.code, message: error.message } },
      retryAfter: Math.max(1, Math.ceil(error.retryAfterMs / 1000)),
      unexpected: false,
    };
  }
  if (error instanceof EleanorError) {
    const status = error.status >= 400 && error.status < 600 ? error.status : 500;
    return {
      status,
      body: { error: { code: error.code, message: error.message } },
      ...(status === 503 ? { retryAfter: 1 } : {}),
      unexpected: status === 500,
    };
  }
  const code = (error as { code?: unknown } | null)?.code;
  const known = typeof code === 'string' ? FASTIFY_ERRORS[code] : undefined;
  if (known !== undefined) {
    const message =
      known.code === 'BODY_TOO_LARGE'
        ? `the body is larger than the limit of ${String(bodyLimitBytes)} bytes`
        : known.message;
    return {
      status: known.status,
      body: { error: { code: known.code, message } },
      unexpected: false,
    };
  }
  const statusCode = (error as { statusCode?: unknown } | null)?.statusCode;
  if (typeof statusCode === 'number' && statusCode >= 400 && statusCode < 500) {
    return {
      status: statusCode,
      body: {
        error: {
          code: 'BAD_REQUEST',
          message: error instanceof Error ? error.message : 'bad request',
        },
      },
      unexpected: false,
    };
  }
  return {
    status: 500,
    body: { error: { code: 'INTERNAL', message: 'internal error; see the service log' } },
    unexpected: true,
  };
}

export function sendError(reply: FastifyReply, mapped: MappedError): FastifyReply {
  if (mapped.retryAfter !== undefined) void reply.header('retry-after', String(mapped.retryAfter));
  return reply.code(mapped.status).send(mapped.body);
}

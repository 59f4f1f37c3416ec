/**
 * The service's OpenAPI 3.1 description, served at `/openapi.json`.
 */
const errorResponse = (description: string) => ({
  description,
  content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
});

const json = (schema: Record<string, unknown>, description = 'OK') => ({
  description,
  content: { 'application/json': { schema } },
});

export function openApiDocument(version: string): Record<string, unknown> {
  const secured = [{ apiKey: [] }, { bearer: [] }];
  return {
    openapi: '3.1.0',
    info: {
      title: 'Eleanor',
      version,
      description:
        'Puts a model response in front of a panel of critics and answers one governed decision: allow, constrained_allow, escalate or deny.',
    },
    components: {
      securitySchemes: {
        apiKey: { type: 'apiKey', in: 'header', name: 'X-API-Key' },
        bearer: { type: 'http', scheme: 'bearer' },
      },
      schemas: {
        EvaluateRequest: {
          type: 'object',
          additionalProperties: false,
          required: ['input', 'output'],
          properties: {
            input: { type: 'string', description: "The user's input to the model." },
            output: { type: 'string', description: "The model's response under review." },
            context: {
              type: 'object',
              properties: { riskTier: { enum: ['low', 'medium', 'high'] } },
              additionalProperties: true,
            },
            traceId: { type: 'string', minLength: 1, maxLength: 200 },
          },
        },
        EvidenceSpan: {
          type: 'object',
          required: ['source', 'start', 'end', 'text'],
          properties: {
            source: { enum: ['input', 'output'] },
            start: { type: 'integer' },
            end: { type: 'integer' },
            text: { type: 'string' },
          },
        },
        Reason: {
          type: 'object',
          required: ['critic', 'category', 'severity', 'description', 'evidence'],
          properties: {
            critic: { type: 'string' },
            category: { type: 'string' },
            clause: { type: 'string' },
            severity: { type: 'number', minimum: 0, maximum: 3 },
            description: { type: 'string' },
            evidence: { type: 'array', items: { $ref: '#/components/schemas/EvidenceSpan' } },
          },
        },
        EvaluationResult: {
          type: 'object',
          required: [
            'traceId',
            'decision',
            'escalation',
            'dissent',
            'reasons',
            'critics',
            'summary',
            'auditHash',
            'degraded',
          ],
          properties: {
            traceId: { type: 'string' },
            decision: { enum: ['allow', 'constrained_allow', 'escalate', 'deny'] },
            escalation: {
              oneOf: [
                { type: 'null' },
                {
                  type: 'object',
                  properties: {
                    tier: { enum: ['TIER_2', 'TIER_3'] },
                    requiredAction: { enum: ['human_acknowledgement', 'human_determination'] },
                    signals: { type: 'array', items: { type: 'object' } },
                  },
                },
              ],
            },
            dissent: { type: 'array', items: { type: 'object' } },
            reasons: { type: 'array', items: { $ref: '#/components/schemas/Reason' } },
            critics: { type: 'object', additionalProperties: { type: 'object' } },
            summary: { type: 'object' },
            auditHash: { type: 'string', pattern: '^[0-9a-f]{64}$' },
            degraded: { type: 'array', items: { type: 'string' } },
            recorded: { type: 'boolean' },
          },
        },
        Error: {
          type: 'object',
          required: ['error'],
          properties: {
            error: {
              type: 'object',
              required: ['code', 'message'],
              properties: {
                code: { type: 'string' },
                message: { type: 'string' },
                field: { type: 'string', description: 'The request field that was wrong.' },
              },
            },
          },
        },
      },
    },
    paths: {
      '/v1/evaluate': {
        post: {
          summary: 'Evaluate one model response',
          security: secured,
          requestBody: {
            required: true,
            content: {
              'application/json': { schema: { $ref: '#/components/schemas/EvaluateRequest' } },
            },
          },
          responses: {
            '200': json({ $ref: '#/components/schemas/EvaluationResult' }, 'The decision'),
            '400': errorResponse('Malformed JSON or a bad field (named in `error.field`)'),
            '401': errorResponse('No or unknown API key'),
            '413': errorResponse('Body over the limit (1 MB by default)'),
            '415': errorResponse('Not application/json'),
            '429': errorResponse("This key's rate is spent; see Retry-After"),
            '503': errorResponse(
              'Overloaded, shutting down, or the audit store is down; see Retry-After',
            ),
          },
        },
      },
      '/v1/decisions/{traceId}': {
        get: {
          summary: 'One decision record from the evidence store',
          security: secured,
          parameters: [{ name: 'traceId', in: 'path', required: true, schema: { type: 'string' } }],
          responses: {
            '200': json({ type: 'object' }, 'The record'),
            '404': errorResponse('No record with this trace id'),
          },
        },
      },
      '/v1/decisions': {
        get: {
          summary: 'Decision records, newest first, a page at a time',
          security: secured,
          parameters: [
            {
              name: 'decision',
              in: 'query',
              schema: { enum: ['allow', 'constrained_allow', 'escalate', 'deny'] },
            },
            { name: 'critic', in: 'query', schema: { type: 'string' } },
            { name: 'since', in: 'query', schema: { type: 'string', format: 'date-time' } },
            { name: 'until', in: 'query', schema: { type: 'string', format: 'date-time' } },
            { name: 'limit', in: 'query', schema: { type: 'integer', minimum: 1, maximum: 1000 } },
            { name: 'cursor', in: 'query', schema: { type: 'string' } },
          ],
          responses: {
            '200': json({
              type: 'object',
              properties: {
                records: { type: 'array', items: { type: 'object' } },
                nextCursor: { type: ['string', 'null'] },
              },
            }),
            '400': errorResponse('A bad filter (named in `error.field`)'),
          },
        },
      },
      '/v1/stats': {
        get: {
          summary:
            'Counts by decision, per-critic executions, gating and retry rates, latency percentiles',
          security: secured,
          parameters: [
            { name: 'since', in: 'query', schema: { type: 'string', format: 'date-time' } },
          ],
          responses: { '200': json({ type: 'object' }) },
        },
      },
      '/v1/dashboard': {
        get: {
          summary: "The dashboard's live data",
          security: secured,
          responses: { '200': json({ type: 'object' }) },
        },
      },
      '/metrics': {
        get: {
          summary: 'Prometheus metrics',
          security: secured,
          responses: {
            '200': { description: 'Prometheus text exposition', content: { 'text/plain': {} } },
          },
        },
      },
      '/healthz': { get: { summary: 'Alive', responses: { '200': json({ type: 'object' }) } } },
      '/readyz': {
        get: {
          summary: 'Ready: store and cache reachable, not overloaded',
          responses: {
            '200': json({ type: 'object' }),
            '503': json({ type: 'object' }, 'Not ready, with the reasons'),
          },
        },
      },
      '/': {
        get: {
          summary: 'The dashboard page',
          responses: { '200': { description: 'HTML', content: { 'text/html': {} } } },
        },
      },
    },
  };
}

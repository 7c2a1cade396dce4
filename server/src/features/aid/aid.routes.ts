import { z } from 'zod';
import { contextOf, type App } from '../../http/app-types.ts';
import { AppError } from '../../http/app-error.ts';
import { Page } from '../../http/common.schema.ts';
import { requestLang } from '../../http/request-lang.ts';
import type { Services } from '../../services.ts';
import {
  AidLineDto,
  AidListQuery,
  AidTotalsDto,
  FairnessDto,
  FairnessQuery,
  HandoverCheck,
  HandoverDto,
  HandoverInput,
  HandoverResult,
  IdParams,
  Reverse,
} from './aid.schema.ts';

export function aidRoutes(app: App, { aid }: Services) {
  const tags = ['aid'];
  app.get(
    '/api/aid',
    { schema: { tags, querystring: AidListQuery, response: { 200: Page(AidLineDto) } } },
    (req) => aid.list(contextOf(req), req.query),
  );
  app.get(
    '/api/aid/totals',
    { schema: { tags, querystring: FairnessQuery, response: { 200: AidTotalsDto } } },
    (req) => aid.totals(contextOf(req), req.query),
  );
  app.get(
    '/api/aid/fairness',
    { schema: { tags, querystring: FairnessQuery, response: { 200: FairnessDto } } },
    (req) => aid.fairness(contextOf(req), req.query),
  );
  app.post(
    '/api/aid/check',
    { schema: { tags, body: HandoverInput, response: { 200: HandoverCheck } } },
    (req) => aid.check(contextOf(req), req.body, requestLang(req)),
  );
  app.post(
    '/api/aid/handovers',
    { schema: { tags, body: HandoverInput, response: { 201: HandoverResult } } },
    async (req, reply) =>
      reply.status(201).send(await aid.handover(contextOf(req), req.body, requestLang(req))),
  );
  app.get(
    '/api/aid/handovers/:id',
    { schema: { tags, params: IdParams, response: { 200: HandoverDto } } },
    (req) => aid.get(contextOf(req), req.params.id),
  );
  app.post(
    '/api/aid/handovers/:id/reverse',
    { schema: { tags, params: IdParams, body: Reverse, response: { 200: HandoverDto } } },
    (req) => aid.reverse(contextOf(req), { handoverId: req.params.id }, req.body.reason),
  );
  app.post(
    '/api/aid/:id/reverse',
    { schema: { tags, params: IdParams, body: Reverse, response: { 200: HandoverDto } } },
    (req) => aid.reverse(contextOf(req), { rowId: req.params.id }, req.body.reason),
  );
  app.post(
    '/api/aid/handovers/:id/proofs',
    { schema: { tags, params: IdParams, consumes: ['multipart/form-data'], response: { 201: HandoverDto } } },
    async (req, reply) => {
      const ctx = contextOf(req);
      if (!req.isMultipart()) throw new AppError(400, 'invalid_input', { key: 'help:aid.proofMissing' });
      const file = await req.file();
      if (!file) throw new AppError(400, 'invalid_input', { key: 'help:aid.proofMissing' });
      // toBuffer() throws the 413 of @fastify/multipart when the file is over UPLOAD_MAX_MB.
      const data = await file.toBuffer();
      return reply
        .status(201)
        .send(await aid.addProof(ctx, req.params.id, { fileName: file.filename, data }));
    },
  );
  app.get(
    '/api/aid/proofs/:id',
    { schema: { tags, params: IdParams, response: { 200: z.any() } } },
    async (req, reply) => {
      const proof = await aid.proof(contextOf(req), req.params.id);
      return reply
        .type(proof.mime)
        .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(proof.file_name)}`)
        .send(proof.data);
    },
  );
}

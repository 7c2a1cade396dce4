import { z } from 'zod';
import type { FastifyReply } from 'fastify';
import { contextOf, type App } from '../../http/app-types.ts';
import { requestLang } from '../../http/request-lang.ts';
import type { Services } from '../../services.ts';
import { ActQuery, FvDecisionQuery, IdParams, ThanksQuery, type PaperFormat } from './documents.schema.ts';
import type { Paper } from './paper.ts';
import { paperDocx } from './paper-docx.ts';
import { paperPdf } from './paper-pdf.ts';

const MIME: Record<PaperFormat, string> = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
};

async function send(reply: FastifyReply, paper: Paper, format: PaperFormat) {
  const data = format === 'pdf' ? await paperPdf(paper) : await paperDocx(paper);
  return reply
    .type(MIME[format])
    .header(
      'content-disposition',
      `attachment; filename*=UTF-8''${encodeURIComponent(`${paper.fileName}.${format}`)}`,
    )
    .send(data);
}

export function documentsRoutes(app: App, { documents }: Services) {
  const tags = ['documents'];
  const response = { 200: z.any() };
  app.get(
    '/api/documents/act/:id',
    { schema: { tags, params: IdParams, querystring: ActQuery, response } },
    async (req, reply) =>
      send(reply, await documents.act(contextOf(req), req.params.id, requestLang(req)), req.query.format),
  );
  app.get(
    '/api/documents/thanks/:id',
    { schema: { tags, params: IdParams, querystring: ThanksQuery, response } },
    async (req, reply) =>
      send(
        reply,
        await documents.thanks(
          contextOf(req),
          req.params.id,
          req.query.year,
          req.query.org,
          requestLang(req),
        ),
        req.query.format,
      ),
  );
  app.get(
    '/api/documents/fv-decision',
    { schema: { tags, querystring: FvDecisionQuery, response } },
    async (req, reply) =>
      send(
        reply,
        await documents.fvDecision(contextOf(req), req.query.year, req.query.org, requestLang(req)),
        req.query.format,
      ),
  );
}

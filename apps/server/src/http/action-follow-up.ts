import type { FastifyPluginAsync } from 'fastify';
import { isItemId, updateActionStatusRequest, type OwnedAction, type OwnerLinkResponse } from '@debrief/protocol';
import type { ActionsService } from '../actions/actions-service.ts';
import { generateKey, hashKey } from '../postmortems/keys.ts';
import type { Storage } from '../storage/storage.ts';
import { requireAccess, requireActionAccess } from './access.ts';
import { bodyOf } from './body.ts';
import { ApiError } from './errors.ts';

type ActionParams = { Params: { id: string; actionId: string } };

const noSuchAction = () => new ApiError(404, 'not_found', 'There is no such action in this post-mortem (it may have been deleted).');

/**
 * One corrective action's follow-up after the session: its owner link (made and revoked by the facilitator), and
 * reading and updating it with the facilitator key or that link's key. An owner key opens this one action and
 * nothing else of the post-mortem.
 */
export function actionFollowUpRoutes(storage: Storage, actions: ActionsService): FastifyPluginAsync {
  return async (app) => {
    const checkId = (actionId: string) => {
      if (!isItemId(actionId)) throw noSuchAction();
    };

    app.post<ActionParams>('/api/postmortems/:id/actions/:actionId/owner-link', async (request) => {
      const { postmortem } = await requireAccess(storage, request, 'facilitator');
      checkId(request.params.actionId);
      if (!(await actions.owned(postmortem, request.params.actionId))) throw noSuchAction();
      const key = generateKey();
      // Only the hash is kept; making a new link replaces the previous one's hash, so that link stops working.
      await storage.setOwnerKeyHash(postmortem.id, request.params.actionId, hashKey(key));
      const body: OwnerLinkResponse = { actionId: request.params.actionId, key };
      return body;
    });

    app.delete<ActionParams>('/api/postmortems/:id/actions/:actionId/owner-link', async (request, reply) => {
      const { postmortem } = await requireAccess(storage, request, 'facilitator');
      checkId(request.params.actionId);
      await storage.setOwnerKeyHash(postmortem.id, request.params.actionId, null);
      return reply.code(204).send();
    });

    app.get<ActionParams>('/api/postmortems/:id/actions/:actionId', async (request, reply) => {
      checkId(request.params.actionId);
      const { postmortem } = await requireActionAccess(storage, request);
      reply.header('cache-control', 'private, no-store');
      const action: OwnedAction | null = await actions.owned(postmortem, request.params.actionId);
      if (!action) throw noSuchAction();
      return action;
    });

    app.patch<ActionParams>('/api/postmortems/:id/actions/:actionId', async (request) => {
      checkId(request.params.actionId);
      await requireActionAccess(storage, request);
      const update = bodyOf(updateActionStatusRequest, request);
      if (!(await actions.update(request.params.id, request.params.actionId, update))) throw noSuchAction();
      return { id: request.params.actionId, ...update };
    });
  };
}

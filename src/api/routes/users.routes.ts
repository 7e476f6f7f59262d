import { Router } from 'express';
import type { DomainDeps } from '../../domain/deps.js';
import { CreateUserSchema, UpdateUserSchema } from '../../auth/account.schema.js';
import { createUser, getUser, listUsers, updateUser } from '../../auth/manage-users.js';
import { ctxOf } from '../organisation-context.js';
import { parseBody, parseId } from '../parse.js';

export function usersRoutes(deps: DomainDeps): Router {
  const r = Router();
  r.get('/', async (req, res) => {
    res.json({ items: await listUsers(deps, ctxOf(req)) });
  });
  r.post('/', async (req, res) => {
    res.status(201).json(await createUser(deps, ctxOf(req), parseBody(CreateUserSchema, req)));
  });
  r.get('/:id', async (req, res) => {
    res.json(await getUser(deps, ctxOf(req), parseId(req)));
  });
  r.patch('/:id', async (req, res) => {
    res.json(await updateUser(deps, ctxOf(req), parseId(req), parseBody(UpdateUserSchema, req)));
  });
  return r;
}

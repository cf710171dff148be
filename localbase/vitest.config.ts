import { defineConfig } from 'vitest/config';
import { localbaseProjects } from './vitest.projects.ts';

export default defineConfig({ test: { projects: localbaseProjects } });

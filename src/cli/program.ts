/** The `northbound` command line: one subcommand per use case, each taking --db, --tenant, --json. */
import { Command } from 'commander';
import { demoCommand } from './demo-command.ts';
import { importCommand } from './import-command.ts';
import { initCommand } from './init-command.ts';
import type { CliServices } from './services.ts';
import { statusCommand } from './status-command.ts';
import { corridorsCommand } from './corridors-command.ts';
import { evaluateCommand } from './evaluate-command.ts';
import { prospectsCommand } from './prospects-command.ts';
import { zonesCommand } from './zones-command.ts';
import { weekCommand } from './week-command.ts';
import { tasksCommand } from './tasks-command.ts';
import { logCommand } from './log-command.ts';
import { metricsCommand } from './metrics-command.ts';
import { exportCommand } from './export-command.ts';
import { taskCommand } from './task-command.ts';
import { solveCommand } from './solve-command.ts';
import { planCommand } from './plan-command.ts';
import { poolCommand } from './pool-command.ts';
import { tenderCommand } from './tender-command.ts';

export function buildProgram(services: CliServices): Command {
  return new Command('northbound')
    .description('Northbound — engineered backhauls for cross-border truckload carriers')
    .version('0.1.0')
    .showHelpAfterError()
    .addCommand(initCommand(services))
    .addCommand(importCommand(services))
    .addCommand(demoCommand(services))
    .addCommand(statusCommand(services))
    .addCommand(zonesCommand(services))
    .addCommand(prospectsCommand(services))
    .addCommand(corridorsCommand(services))
    .addCommand(evaluateCommand(services))
    .addCommand(weekCommand(services))
    .addCommand(tasksCommand(services))
    .addCommand(taskCommand(services))
    .addCommand(logCommand(services))
    .addCommand(metricsCommand(services))
    .addCommand(exportCommand(services))
    .addCommand(planCommand(services))
    .addCommand(poolCommand(services))
    .addCommand(tenderCommand(services))
    .addCommand(solveCommand(services));
}

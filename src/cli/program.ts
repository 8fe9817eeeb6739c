/** The `northbound` command line: one subcommand per use case, each taking --db, --tenant, --json. */
import { Command } from 'commander';
import { demoCommand } from './demo-command.ts';
import { importCommand } from './import-command.ts';
import { initCommand } from './init-command.ts';
import type { CliServices } from './services.ts';
import { statusCommand } from './status-command.ts';

export function buildProgram(services: CliServices): Command {
  return new Command('northbound')
    .description('Northbound — engineered backhauls for cross-border truckload carriers')
    .version('0.1.0')
    .showHelpAfterError()
    .addCommand(initCommand(services))
    .addCommand(importCommand(services))
    .addCommand(demoCommand(services))
    .addCommand(statusCommand(services));
}

/**
 * How many cases a property runs: as many as its test asks, except in the mutation run, where at
 * most a few hundred. A mutant a property can kill is nearly always killed within the first few
 * hundred cases, and thousands of cases for each of two thousand mutants took hours.
 */
const MUTATION_RUNS = 300;

export function propertyRuns(asked: number): number {
  return process.env.MUTATION_RUN === '1' ? Math.min(asked, MUTATION_RUNS) : asked;
}

/** What each point of a sweep computes: pure Nash tallies, the logit QRE, or both. */
export type SolverChoice = 'nash' | 'qre' | 'both';

export const hasNash = (solver: SolverChoice): boolean => solver !== 'qre';
export const hasQre = (solver: SolverChoice): boolean => solver !== 'nash';

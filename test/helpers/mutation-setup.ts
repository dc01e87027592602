import fc from 'fast-check';

// A mutation run only asks whether a property fails, not for its smallest counterexample:
// shrinking a failure would only make each mutant slower to kill.
fc.configureGlobal({ endOnFailure: true });
import './result-equality';

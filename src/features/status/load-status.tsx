import { useDashboardStore } from '../../store/dashboard-store';
import { LoadProgressList } from './load-progress';

/** Loading progress and every problem met while loading, announced to assistive technology. */
export function LoadStatus() {
  const phase = useDashboardStore((state) => state.phase);
  const problems = useDashboardStore((state) => state.problems);
  const dismissProblem = useDashboardStore((state) => state.dismissProblem);
  const notice = useDashboardStore((state) => state.notice);
  return (
    <>
      <p className="load-status" role="status">
        {phase === 'loading' ? 'Loading the bundled results…' : notice}
      </p>
      <LoadProgressList />
      {problems.map((problem, index) => (
        <div key={`${problem.source}-${index}`} className="problem" role="alert">
          <p>
            <strong>{problem.message}</strong>
            {problem.hint !== undefined && <span className="problem-hint"> {problem.hint}</span>}
          </p>
          <button
            type="button"
            aria-label={`Dismiss: ${problem.message}`}
            onClick={() => {
              dismissProblem(problem);
            }}
          >
            Dismiss
          </button>
        </div>
      ))}
    </>
  );
}

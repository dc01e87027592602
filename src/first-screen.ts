/**
 * The page's first screen: the dashboard with its bundled runs, rendered into index.html's #root
 * by `npm run build` (src/prerender.tsx, scripts/first-screen-plugin.ts) and kept there by
 * public/first-paint.js when it fits the visit. Its content is wrapped in an element of this
 * class.
 */
export const FIRST_SCREEN_CLASS = 'first-screen';

/**
 * Whether the built first screen is showing in `container`: then the app's first render must
 * wait for the bundled runs, so that its commit replaces the first screen with the same content
 * instead of blanking it out while they load.
 */
export function showsFirstScreen(container: Element): boolean {
  return container.firstElementChild?.classList.contains(FIRST_SCREEN_CLASS) === true;
}

// End-to-end tests of the verified what-ifs: a pod too big for every worker shows suggestions only with the outcome
// the worker simulated for each ("Verified: schedules on …"), the best fix first, and no toleration of the
// control-plane taint (the control plane is too small as well). A page of its own.

import { pages } from './pages.mjs'

const BIG =
  'apiVersion: v1\nkind: Pod\nmetadata:\n  name: big\nspec:\n  containers:\n  - name: app\n    image: nginx:1.27\n    resources:\n      requests:\n        cpu: "6"\n        memory: 256Mi\n'

/** whatifTests runs with run.mjs's `test` and `assert`. */
export async function whatifTests({ browser, ORIGIN, root, test, assert, watch }) {
  const { fresh } = pages({ browser, ORIGIN, watch })
  for (const colorScheme of ['light', 'dark']) {
    const { page, context } = await fresh('/', { colorScheme })
    await test(`what-if (${colorScheme}): every suggestion carries its verified outcome, the best first`, async () => {
      await page.evaluate((t) => window.__podbirthEditor.setValue(t), BIG)
      await page.getByRole('button', { name: 'Apply', exact: true }).click()
      await page.waitForFunction(
        () =>
          document.querySelector('.app')?.dataset.running === 'false' &&
          /pod\/big created/.test(document.querySelector('[aria-label="kubectl output"]')?.textContent ?? ''),
        null,
        { timeout: 30000 },
      )
      // Go to the FailedScheduling step (find a step, next match until its banner shows), where the suggestions show.
      const find = page.getByRole('searchbox', { name: 'Find a step' })
      await find.fill('nodes are available')
      const banner = page.getByRole('alert', { name: 'FailedScheduling' }).first()
      for (let k = 0; k < 8 && !(await banner.isVisible()); k++) {
        await find.press('Enter')
        await page.waitForTimeout(400)
      }
      await banner.waitFor({ timeout: 15000 })
      const fixes = banner.getByRole('region', { name: 'What would make it schedule' })
      await fixes.waitFor({ timeout: 30000 })
      const items = fixes.getByRole('listitem')
      const n = await items.count()
      assert(n > 0, 'no suggestion shown')
      for (let i = 0; i < n; i++) {
        const text = await items.nth(i).innerText()
        assert(
          /Verified: schedules on \S+/.test(text) || /Not enough: still Pending — /.test(text),
          `a suggestion without its verified outcome: ${text}`,
        )
      }
      const titles = await fixes.locator('li strong').allInnerTexts()
      assert(
        !titles.some((t) => t.startsWith('Tolerate the taint')),
        `the toleration is offered though the control plane is too small: ${titles.join(' | ')}`,
      )
      assert(
        /^Add a node worker-3 like worker-\d with room for the pod$/.test(titles[0]),
        `best fix not first: ${titles.join(' | ')}`,
      )
      assert(
        (await items.first().innerText()).includes('Verified: schedules on worker-3'),
        await items.first().innerText(),
      )
      const request = titles.find((t) => /^Request \d+m cpu \(what worker-\d has free\)$/.test(t))
      assert(request, `no request suggestion: ${titles.join(' | ')}`)
      await fixes.scrollIntoViewIfNeeded()
      await page.screenshot({ path: `${root}tests/tmp/whatif-${colorScheme}.png` })
      if (colorScheme === 'light') {
        // Trying the verified fix gives the outcome it promised.
        const node = /schedules on (\S+)/.exec(await items.filter({ hasText: request }).innerText())?.[1]
        await fixes.getByRole('button', { name: `Try it: ${request}` }).click()
        await page.waitForFunction(
          (nd) =>
            new RegExp(`big\\s+1/1\\s+Running\\s.*\\s${nd}\\b`).test(
              document.querySelector('[aria-label="kubectl output"]')?.textContent ?? '',
            ),
          node,
          { timeout: 30000 },
        )
      }
    })
    await context.close()
  }
}

import { open } from './h.mjs'
const h = await open({ viewport: { width: 1920, height: 1080 } })
const { page } = h
const X = '<img src=x onerror=alert(1)>'
await h.setText(`apiVersion: v1\nkind: Pod\nmetadata:\n  name: "${X}"\n  labels:\n    app: "${X}"\n  annotations:\n    note: "${X}"\nspec:\n  containers:\n  - name: app\n    image: nginx\n`)
await h.apply(); console.log('XSS name:\n', await h.out())
await h.setText(`apiVersion: v1\nkind: Pod\nmetadata:\n  name: xss\n  labels:\n    app: "<b>bold</b>"\n  annotations:\n    note: "${X}"\nspec:\n  nodeSelector:\n    zone: "${X}"\n  containers:\n  - name: app\n    image: "${X}"\n    env:\n    - name: A\n      value: "${X}"\n`)
await h.apply(); console.log('XSS ann:\n', await h.out())
console.log('imgs in DOM:', await page.evaluate(() => [...document.querySelectorAll('img')].map(i => i.outerHTML)), 'b:', await page.evaluate(() => document.querySelectorAll('main b, body b').length))
await h.shot('xss-1920')
// find box with html
await page.getByRole('searchbox', { name: 'Find a step' }).fill(X)
await page.keyboard.press('Enter'); await page.waitForTimeout(500)
console.log('find count:', await page.locator('.find-count').innerText().catch(() => '?'))
// try suggestions
const fixes = page.getByRole('region', { name: 'What would make it schedule' })
console.log('fixes:', await fixes.innerText().catch(() => 'none'))
await h.shot('xss-fixes')
// init containers + postStart
await h.setText(`apiVersion: v1\nkind: Pod\nmetadata:\n  name: init\nspec:\n  initContainers:\n  - name: setup\n    image: busybox:1.36\n    command: ["sh","-c","echo hi"]\n  - name: sidecar\n    image: busybox:1.36\n    restartPolicy: Always\n    command: ["sleep","3600"]\n  containers:\n  - name: app\n    image: nginx:1.27\n    lifecycle:\n      postStart:\n        exec:\n          command: ["sh","-c","echo started"]\n`)
await h.apply('init'); await page.waitForTimeout(1500); console.log('INIT:\n', await h.out())
const insp = await page.locator('pre').allInnerTexts(); console.log('PRE blocks:', insp.filter(t=>t.includes('describe')).join('\n----\n').slice(0, 4000))
await h.shot('init-1920')
await h.close()

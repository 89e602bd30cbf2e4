import { open } from './h.mjs'
const h = await open()
const { page } = h
const cases = {
 badLabel: `apiVersion: v1\nkind: Pod\nmetadata:\n  name: l\n  labels:\n    app: "<b>bold</b>"\nspec:\n  containers:\n  - name: app\n    image: nginx\n`,
 badSelector: `apiVersion: v1\nkind: Pod\nmetadata:\n  name: s\nspec:\n  nodeSelector:\n    zone: "a b"\n  containers:\n  - name: app\n    image: nginx\n`,
 sidecarOnly: `apiVersion: v1\nkind: Pod\nmetadata:\n  name: sc\nspec:\n  initContainers:\n  - name: sidecar\n    image: busybox:1.36\n    restartPolicy: Always\n    command: ["sleep","3600"]\n  containers:\n  - name: app\n    image: nginx:1.27\n`,
 initPost: `apiVersion: v1\nkind: Pod\nmetadata:\n  name: ip\nspec:\n  initContainers:\n  - name: setup\n    image: busybox:1.36\n    command: ["sh","-c","echo hi"]\n  containers:\n  - name: app\n    image: nginx:1.27\n    lifecycle:\n      postStart:\n        exec:\n          command: ["sh","-c","echo started"]\n`,
 badHook: `apiVersion: v1\nkind: Pod\nmetadata:\n  name: bh\nspec:\n  containers:\n  - name: app\n    image: nginx:1.27\n    lifecycle:\n      postStart:\n        exec:\n          command: ["false"]\n`,
}
for (const [k, v] of Object.entries(cases)) { await h.setText(v); await h.apply(); await page.waitForTimeout(1000); console.log(`== ${k}\n`, await h.out()) }
const pres = await page.locator('pre').allInnerTexts(); console.log(pres.filter(t=>t.includes('Events:')).join('\n').slice(-1500))
await h.close()

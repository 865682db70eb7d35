// Terminals on the slides, as a student uses them: commands typed into the simulated machine, two
// windows on one machine, the machine kept across a reload and emptied by reset, the deck never moved.
import type { Locator, Page } from '@playwright/test'
import { Deck, expect, test } from './support/deck'
import { clippingProblems, typeSizeProblems } from './support/gates'
import { deckSlides, slideName } from './support/slides'

function findSlide(title: RegExp) {
  const slide = deckSlides().find(candidate => title.test(candidate.title))
  if (!slide)
    throw new Error(`no slide whose title matches ${title} in the built deck`)
  return slide
}

/** The visible text of a terminal window (xterm's DOM rows), lines joined with \n (a long line wraps over rows). */
async function screenText(window: Locator): Promise<string> {
  const rows = await window.locator('.xterm-rows > div').allTextContents()
  return rows.map(row => row.replace(/\u00A0/g, ' ').trimEnd()).join('\n').trimEnd()
}

/** The reference Dockerfile of the dockerize-flask exercise, as a student would type it. */
const FLASK_DOCKERFILE = [
  'FROM python:3.14-slim',
  'WORKDIR /app',
  'COPY requirements.txt .',
  'RUN python3 -m pip install --no-cache-dir -r requirements.txt',
  'COPY app.py .',
  'CMD ["flask", "--app", "app", "run", "--host", "0.0.0.0", "--port", "5000"]',
].join('\n')

async function openTerminal(deck: Deck, no: number): Promise<Locator> {
  await deck.open(no)
  const root = deck.slide(no)
  await expect(root.locator('[data-testid="docker-terminal"][data-ready="true"]')).toBeVisible({ timeout: 30_000 })
  return root
}

/** Types a line into a window and presses Enter; waits until the prompt is back, so the command has finished. */
async function run(page: Page, window: Locator, line: string, { prompt = /student@laptop:~\S*\$\s*$/ }: { prompt?: RegExp } = {}) {
  await window.locator('.xterm').click()
  await page.keyboard.type(line)
  await page.keyboard.press('Enter')
  await expect.poll(async () => (await screenText(window)).trimEnd(), { timeout: 30_000 }).toMatch(prompt)
}

test.describe('terminals on the simulated machine', () => {
  // Each test has its own browser context, so each starts with a fresh machine.
  const filesystems = findSlide(/^Try it: two containers, two filesystems$/)
  test(`${slideName(filesystems)}: a file written in one container is missing from the other`, async ({ deck, page }) => {
    const root = await openTerminal(deck, filesystems.no)
    const [left, right] = [root.locator('[data-window="1"]'), root.locator('[data-window="2"]')]
    const rootPrompt = /root@[0-9a-f]{12}:\/#\s*$/
    await run(page, left, 'docker run -it --rm --name one python:3.12 bash', { prompt: rootPrompt })
    await run(page, left, 'echo hello > /tmp/file.txt', { prompt: rootPrompt })
    await run(page, left, 'cat /tmp/file.txt', { prompt: rootPrompt })
    await expect.poll(() => screenText(left)).toMatch(/cat \/tmp\/file\.txt\s+hello/)
    await run(page, right, 'docker run -it --rm --name two python:3.12 bash', { prompt: rootPrompt })
    await run(page, right, 'cat /tmp/file.txt', { prompt: rootPrompt })
    // The window is narrow: the message wraps over two rows.
    await expect.poll(async () => (await screenText(right)).replace(/\n/g, '')).toContain('cat: /tmp/file.txt: No such file or directory')
    deck.expectNoProblems(slideName(filesystems))
  })

  const volume = findSlide(/^Try it: a file that survives$/)
  test(`${slideName(volume)}: a file in a named volume survives docker rm; a one-click command is typed, not run`, async ({ deck, page }) => {
    const root = await openTerminal(deck, volume.no)
    const window = root.locator('[data-window="1"]')
    await root.locator('.one-click').first().click()
    await expect.poll(() => screenText(window)).toMatch(/\$ docker volume create mydata\s*$/)
    await page.keyboard.press('Enter')
    await expect.poll(() => screenText(window)).toMatch(/\nmydata\n/)
    await run(page, window, 'docker run --name keeper -v mydata:/data python:3.12 bash -c \'echo kept > /data/note.txt\'')
    await run(page, window, 'docker rm keeper')
    await run(page, window, 'docker run --rm -v mydata:/data python:3.12 cat /data/note.txt')
    await expect.poll(() => screenText(window)).toMatch(/cat \/data\/note\.txt\s+kept/)
    deck.expectNoProblems(slideName(volume))
  })

  const ports = findSlide(/^Try it: publish a port$/)
  test(`${slideName(ports)}: -p makes curl answer, and a second binding of the port fails`, async ({ deck, page }) => {
    const root = await openTerminal(deck, ports.no)
    const window = root.locator('[data-window="1"]')
    await run(page, window, 'docker run -d --name web -p 127.0.0.1:8090:3000 python:3.12 python -m http.server 3000')
    await run(page, window, 'curl -s localhost:8090 | head -3')
    await expect.poll(() => screenText(window)).toContain('<!DOCTYPE HTML>')
    await run(page, window, 'docker run --rm -p 127.0.0.1:8090:3000 python:3.12')
    await expect.poll(() => screenText(window)).toContain('port is already allocated')
    deck.expectNoProblems(slideName(ports))
  })

  test(`${slideName(volume)}: a reload keeps the machine, and reset empties it`, async ({ deck, page }) => {
    let root = await openTerminal(deck, volume.no)
    await run(page, root.locator('[data-window="1"]'), 'docker volume create keepme')
    await page.reload()
    root = await openTerminal(deck, volume.no)
    const window = root.locator('[data-window="1"]')
    await run(page, window, 'docker volume ls')
    await expect.poll(() => screenText(window)).toMatch(/local\s+keepme/)
    await root.getByTestId('reset-machine').click()
    await expect(root.locator('[data-testid="docker-terminal"][data-ready="true"]')).toBeVisible()
    const fresh = root.locator('[data-window="1"]')
    await run(page, fresh, 'docker volume ls')
    await expect.poll(() => screenText(fresh)).toMatch(/DRIVER\s+VOLUME NAME\s*\n.*\$\s*$/)
    expect(await screenText(fresh)).not.toContain('keepme')
    deck.expectNoProblems(slideName(volume))
  })

  test(`${slideName(volume)}: keys typed into the terminal never move the deck; Escape gives them back`, async ({ deck, page }) => {
    const root = await openTerminal(deck, volume.no)
    await root.locator('[data-window="1"] .xterm').click()
    const before = await deck.state()
    for (const key of ['ArrowRight', 'ArrowLeft', 'Space', 'ArrowDown', 'PageDown', 'o', 'd'])
      await page.keyboard.press(key)
    expect(await deck.state()).toEqual(before)
    await page.keyboard.press('Escape')
    await page.keyboard.press('ArrowRight')
    await expect.poll(async () => (await deck.state()).currentPage).toBe(volume.no + 1)
    deck.expectNoProblems(slideName(volume))
  })

  test(`${slideName(ports)}: the presenter view and the audience window show the same terminal, typed in either`, async ({ deck, page, baseURL }) => {
    const audience = (await openTerminal(deck, ports.no)).locator('[data-window="1"]')
    // The presenter view: another window of the same browser (one context: one localStorage, one BroadcastChannel).
    const presenterPage = await page.context().newPage()
    const presenterDeck = new Deck(presenterPage, new URL(baseURL!).origin)
    await presenterDeck.install()
    await presenterPage.goto(`/#/presenter/${ports.no}`)
    const presenterTerminal = presenterPage.locator(`[data-slidev-no="${ports.no}"] [data-testid="docker-terminal"][data-ready="true"]`).first()
    await expect(presenterTerminal).toBeVisible({ timeout: 30_000 })
    const presenter = presenterTerminal.locator('[data-window="1"]')

    // Typed in the audience window: the presenter's screen shows the command and its output.
    await run(page, audience, 'docker volume create mirrored')
    await expect.poll(() => screenText(presenter)).toMatch(/\$ docker volume create mirrored\nmirrored\n.*\$$/)

    // Typed in the presenter view: it runs on the machine the audience window saved, and shows there too.
    await run(presenterPage, presenter, 'docker volume ls')
    await expect.poll(() => screenText(presenter)).toMatch(/local\s+mirrored/)
    await expect.poll(() => screenText(audience)).toMatch(/\$ docker volume ls\nDRIVER\s+VOLUME NAME\nlocal\s+mirrored/)

    // A program started in the audience window gets the lines typed in the presenter view.
    const rootPrompt = /root@[0-9a-f]{12}:\/#\s*$/
    await run(page, audience, 'docker run -it --rm python:3.12 bash', { prompt: rootPrompt })
    await expect.poll(() => screenText(presenter)).toMatch(rootPrompt)
    await run(presenterPage, presenter, 'echo typed-in-the-presenter-view', { prompt: rootPrompt })
    await expect.poll(() => screenText(audience)).toMatch(/\ntyped-in-the-presenter-view\n/)
    expect(await screenText(presenter)).toBe(await screenText(audience))
    deck.expectNoProblems(slideName(ports))
    presenterDeck.expectNoProblems(`${slideName(ports)} (presenter view)`)
  })
  const dockerize = findSlide(/^Try it: dockerize the app$/)
  const dockerizeExercise = findSlide(/^Exercise: Dockerize the Flask \+ NumPy app$/)
  test(`${slideName(dockerize)}: the Dockerfile typed in the editor is what docker build reads; ${slideName(dockerizeExercise)} passes on the image`, async ({ deck, page }) => {
    const root = await openTerminal(deck, dockerize.no)
    const editor = root.locator('[data-testid="dockerfile-editor"][data-ready="true"]')
    await expect(editor).toBeVisible({ timeout: 30_000 })
    // The deck's own Dockerfile is the answer: the editor starts from the starter lines instead.
    await expect(editor.locator('.view-lines')).toContainText('FROM python:3.14-slim')
    await expect(editor.locator('.view-lines')).not.toContainText('STOPSIGNAL')
    await editor.locator('.view-lines').click()
    const before = await deck.state()
    await page.keyboard.press('ControlOrMeta+A')
    await page.keyboard.insertText(FLASK_DOCKERFILE)
    expect(await deck.state(), 'typing in the editor moved the deck').toEqual(before)
    const window = root.locator('[data-window="1"]')
    // Clicking the terminal takes the focus from the editor, which writes the file at once.
    await run(page, window, 'cd snippets/flask_app')
    await run(page, window, 'tail -2 Dockerfile')
    await expect.poll(() => screenText(window)).toContain('CMD ["flask", "--app", "app", "run", "--host", "0.0.0.0", "--port", "5000"]')
    await run(page, window, 'docker build -q -t flask-app .')
    await run(page, window, 'docker image inspect flask-app --format \'{{json .Config.Cmd}}\'')
    await expect.poll(() => screenText(window)).toContain('["flask","--app","app","run","--host","0.0.0.0","--port","5000"]')
    await root.locator('.one-click', { hasText: 'docker run -d --name flask -p 8000:5000 flask-app' }).click()
    await page.keyboard.press('Enter')
    await expect.poll(async () => (await screenText(window)).trimEnd(), { timeout: 30_000 }).toMatch(/\$\s*$/)
    // The student's app answers through the published port (Flask on the page's Python).
    await root.locator('.one-click', { hasText: 'curl localhost:8000/random' }).click()
    await page.keyboard.press('Enter')
    await expect.poll(() => screenText(window), { timeout: 60_000 }).toMatch(/Random number: 0\.\d+/)
    deck.expectNoProblems(slideName(dockerize))

    await deck.open(dockerizeExercise.no)
    const box = deck.slide(dockerizeExercise.no).locator('[data-exercise="dockerize-flask"]')
    await box.getByRole('button', { name: 'Check' }).click()
    for (const goal of ['built', 'python-base', 'deps-before-code', 'listens-everywhere', 'published'])
      await expect(box.locator(`[data-goal="${goal}"]`), goal).toHaveAttribute('data-met', 'true')
    await expect(box.locator('[data-status="passed"]')).toBeVisible()
    deck.expectNoProblems(slideName(dockerizeExercise))
  })

  test(`${slideName(dockerize)}: a change made elsewhere (reset) shows in the editor and a reload keeps the student's file`, async ({ deck, page }) => {
    let root = await openTerminal(deck, dockerize.no)
    let editor = root.locator('[data-testid="dockerfile-editor"][data-ready="true"]')
    await expect(editor).toBeVisible({ timeout: 30_000 })
    await editor.locator('.view-lines').click()
    await page.keyboard.press('ControlOrMeta+A')
    await page.keyboard.insertText('FROM python:3.12-slim\nCMD ["python3", "--version"]')
    await run(page, root.locator('[data-window="1"]'), 'cat snippets/flask_app/Dockerfile')
    await expect.poll(() => screenText(root.locator('[data-window="1"]'))).toContain('CMD ["python3", "--version"]')
    await page.reload()
    root = await openTerminal(deck, dockerize.no)
    editor = root.locator('[data-testid="dockerfile-editor"][data-ready="true"]')
    await expect(editor.locator('.view-lines')).toContainText('python3", "--version', { timeout: 30_000 })
    await root.getByTestId('reset-machine').click()
    // A fresh machine holds the deck's own Dockerfile: the editor shows the starter again, and writes it.
    await expect(editor.locator('.view-lines')).not.toContainText('--version')
    await expect(editor.locator('.view-lines')).toContainText('FROM python:3.14-slim')
    deck.expectNoProblems(slideName(dockerize))
  })

  for (const slide of deckSlides().filter(candidate => candidate.title.startsWith('Try it:'))) {
    test(`${slideName(slide)}: with its longest command in the explainer strip, nothing is clipped or below the room's type floor`, async ({ deck }) => {
      const root = await openTerminal(deck, slide.no)
      const chips = root.locator('.one-click')
      const texts = await chips.allTextContents()
      test.skip(texts.length === 0, 'no one-click commands')
      const longest = texts.reduce((best, text, i) => text.length > texts[best]!.length ? i : best, 0)
      await chips.nth(longest).click()
      await expect(root.getByTestId('terminal-explainer')).toBeVisible()
      expect(await typeSizeProblems(deck.page, slide.no)).toEqual([])
      expect(await clippingProblems(deck.page, slide.no)).toEqual([])
      deck.expectNoProblems(slideName(slide))
    })
  }
})

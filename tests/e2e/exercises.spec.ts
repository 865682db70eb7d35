// An exercise box on a slide, as a student uses it: a wrong attempt typed into the slide's terminal gets
// its specific hint, a right one passes on its own (checked after the command), and a reload keeps it done;
// a hint keyed by what was typed (an engine code, not a state) shows on the slide as in the CLI.
import type { Locator, Page } from '@playwright/test'
import { expect, test } from './support/deck'
import { deckSlides, slideName } from './support/slides'

/** The slide with <ExerciseBox id="background-logs" /> (listed in /tmp/coord/exercise-slides.md). */
const EXERCISE_SLIDE = /^Exercise: Logs of a background container$/
/** The slide with <ExerciseBox id="environment-variable" />, whose quoting hint is keyed by engine codes. */
const ENV_SLIDE = /^Exercise: An environment variable$/
/** The slide with <ExerciseBox id="stop-and-remove" />: its Start makes the container it asks to remove. */
const STOP_SLIDE = /^Exercise: Stop and remove a running container$/

function findSlide(title = EXERCISE_SLIDE) {
  const slide = deckSlides().find(candidate => title.test(candidate.title))
  if (!slide)
    throw new Error(`no slide whose title matches ${title} in the built deck: the exercise box is not placed`)
  return slide
}

async function screenText(window: Locator): Promise<string> {
  const rows = await window.locator('.xterm-rows > div').allTextContents()
  return rows.map(row => row.replace(/\u00A0/g, ' ').trimEnd()).join('\n').trimEnd()
}

async function run(page: Page, window: Locator, line: string) {
  await window.locator('.xterm').click()
  await page.keyboard.type(line)
  await page.keyboard.press('Enter')
  await expect.poll(async () => (await screenText(window)).trimEnd(), { timeout: 30_000 }).toMatch(/student@laptop:~\S*\$\s*$/)
}

test.describe('exercise box', () => {
  const slide = findSlide()

  test(`${slideName(slide)}: a wrong path gets its hint, a right one passes, a reload keeps it`, async ({ deck, page }) => {
    await deck.open(slide.no)
    const root = deck.slide(slide.no)
    await expect(root.locator('[data-testid="docker-terminal"][data-ready="true"]')).toBeVisible({ timeout: 30_000 })
    const window = root.locator('[data-window="1"]')
    const box = root.locator('[data-exercise="background-logs"]')
    await expect(box).toBeVisible()

    // A container whose program ends at once: the box says why, without Check being pressed.
    await run(page, window, 'docker run -d --name pinger python:3.12 date')
    await expect(box.locator('[data-hint]')).toHaveAttribute('data-hint', 'exited')
    await expect(box.locator('[data-status="passed"]')).toHaveCount(0)

    await run(page, window, 'docker rm pinger')
    await run(page, window, 'docker run -d --name pinger python:3.12 bash -c \'while true; do date; sleep 1; done\'')
    await box.getByRole('button', { name: 'Check' }).click()
    await expect(box.locator('[data-status="passed"]')).toBeVisible()
    await expect(box.locator('[data-goal="pinger-in-background"]')).toHaveAttribute('data-met', 'true')

    await page.reload()
    await deck.open(slide.no)
    await expect(deck.slide(slide.no).locator('[data-exercise="background-logs"] [data-status="passed"]')).toBeVisible({ timeout: 30_000 })
    deck.expectNoProblems(slideName(slide))
  })

  const envSlide = findSlide(ENV_SLIDE)

  test(`${slideName(envSlide)}: $VAR in double quotes typed into the terminal gets the quoting hint`, async ({ deck, page }) => {
    await deck.open(envSlide.no)
    const root = deck.slide(envSlide.no)
    await expect(root.locator('[data-testid="docker-terminal"][data-ready="true"]')).toBeVisible({ timeout: 30_000 })
    const window = root.locator('[data-window="1"]')
    const box = root.locator('[data-exercise="environment-variable"]')
    await expect(box).toBeVisible()

    // The machine's state alone (greeter has GREETING=hello, printed an empty line) does not say why:
    // the explainer's code of the typed line does (the laptop's shell expanded $GREETING).
    await run(page, window, 'docker run --name greeter -e GREETING=hello python:3.12 bash -c "echo $GREETING"')
    await expect(box.locator('[data-hint]')).toHaveAttribute('data-hint', 'expanded-on-host')
    await expect(box.locator('[data-hint]')).toContainText('Use single quotes')

    await run(page, window, 'docker rm greeter')
    await run(page, window, 'docker run --name greeter -e GREETING=hello python:3.12 bash -c \'echo $GREETING\'')
    await expect(box.locator('[data-status="passed"]')).toBeVisible()
    deck.expectNoProblems(slideName(envSlide))
  })

  const stopSlide = findSlide(STOP_SLIDE)

  test(`${slideName(stopSlide)}: Start makes pinger, docker rm of it running gets its hint, rm -f passes`, async ({ deck, page }) => {
    await deck.open(stopSlide.no)
    const root = deck.slide(stopSlide.no)
    await expect(root.locator('[data-testid="docker-terminal"][data-ready="true"]')).toBeVisible({ timeout: 30_000 })
    const window = root.locator('[data-window="1"]')
    const box = root.locator('[data-exercise="stop-and-remove"]')
    await box.getByRole('button', { name: 'Start' }).click()
    await expect(box.locator('[data-goal="pinger-running"]')).toHaveAttribute('data-met', 'true', { timeout: 30_000 })

    await run(page, window, 'docker rm pinger')
    await expect(box.locator('[data-hint]')).toHaveAttribute('data-hint', 'rm-running')
    await run(page, window, 'docker rm -f pinger')
    await expect(box.locator('[data-status="passed"]')).toBeVisible()
    deck.expectNoProblems(slideName(stopSlide))
  })
})

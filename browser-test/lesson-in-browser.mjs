// Opens a lesson in Jupyter Notebook (Debian's, classic UI) in headless Chromium, runs every cell
// through the UI (Cell > Run All), waits until the kernel is idle and every code cell has run, then
// checks what a person would see: at least one chart image and one HTML table in the outputs, and no
// error output. Then types in a new cell as a learner does: Tab after `VisionBackbone.lo`, Shift-Tab on the
// completed call. Saves screenshots of the page and of its first chart (an XChart bar chart drawn by a cell
// that calls Charts.), of the completion and the documentation tooltip, and one of an executed HTML export.
//
// usage: node lesson-in-browser.mjs NOTEBOOK_URL OUT_DIR [EXPORTED_HTML]
import { chromium } from 'playwright-core';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const [url, outDir, exportedHtml] = process.argv.slice(2);
if (!url || !outDir) {
  console.error('usage: node lesson-in-browser.mjs NOTEBOOK_URL OUT_DIR [EXPORTED_HTML]');
  process.exit(2);
}
mkdirSync(outDir, { recursive: true });
const executablePath = process.env.CHROMIUM || '/usr/bin/chromium';
const browser = await chromium.launch({ executablePath, args: ['--no-sandbox', '--disable-dev-shm-usage'] });
const result = {};
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await page.goto(url);
  await page.waitForFunction(() => window.Jupyter && Jupyter.notebook && Jupyter.notebook.kernel
      && Jupyter.notebook.kernel.is_connected(), null, { timeout: 120000 });
  await page.click('#celllink');
  await page.click('#run_all_cells > a');
  const started = Date.now();
  await page.waitForFunction(() => {
    const cells = Jupyter.notebook.get_cells().filter(c => c.cell_type === 'code');
    const allRan = cells.every(c => typeof c.input_prompt_number === 'number');
    const idle = document.querySelector('#kernel_indicator_icon')?.classList.contains('kernel_idle_icon');
    return allRan && idle;
  }, null, { timeout: 300000, polling: 1000 });
  result.seconds = (Date.now() - started) / 1000;
  result.codeCells = await page.evaluate(() => Jupyter.notebook.get_cells().filter(c => c.cell_type === 'code').length);
  result.images = await page.locator('.output_area img').count();
  result.tables = await page.locator('.output_area .output_html table').count();
  result.errors = await page.locator('.output_area .output_error').count();
  result.checkPass = await page.locator('.output_area pre:has-text("CHECK PASS")').count();
  await page.screenshot({ path: join(outDir, 'lesson-in-jupyter.png'), fullPage: true });
  // the first chart: the image output of the first cell that draws one with the kit's Charts helper
  const chart = page.locator('.cell.code_cell', { has: page.locator('.input_area', { hasText: 'Charts.' }) })
      .locator('.output_area img').first();
  if (await chart.count() > 0) {
    await chart.scrollIntoViewIfNeeded();
    await chart.screenshot({ path: join(outDir, 'first-chart.png') });
    const box = await chart.boundingBox();
    result.chartWidth = box ? box.width : 0;
  }
  // What a learner does while typing: Tab completes a kit method, Shift-Tab shows its Javadoc.
  await page.evaluate(() => {
    const imports = Jupyter.notebook.insert_cell_at_bottom('code');
    imports.set_text('import dev.tlkit.models.*;');
    imports.execute();
  });
  await page.waitForFunction(() => {
    const cells = Jupyter.notebook.get_cells();
    return typeof cells[cells.length - 1].input_prompt_number === 'number'
        && document.querySelector('#kernel_indicator_icon')?.classList.contains('kernel_idle_icon');
  }, null, { timeout: 60000, polling: 500 });
  await page.evaluate(() => {
    const typing = Jupyter.notebook.insert_cell_at_bottom('code');
    Jupyter.notebook.select(Jupyter.notebook.ncells() - 1);
    typing.focus_editor();
  });
  await page.keyboard.type('VisionBackbone.lo');
  await page.keyboard.press('Tab');
  // one match is inserted directly; several open the completer's list
  await page.waitForFunction(() => document.querySelectorAll('#complete option').length > 0
      || Jupyter.notebook.get_selected_cell().get_text() !== 'VisionBackbone.lo', null, { timeout: 30000 });
  result.completions = await page.evaluate(() => Array.from(document.querySelectorAll('#complete option'))
      .map(o => o.textContent));
  if (result.completions.length > 0) {
    await page.screenshot({ path: join(outDir, 'tab-completion.png') });
    await page.keyboard.press('Enter');
  }
  result.completedText = await page.evaluate(() => Jupyter.notebook.get_selected_cell().get_text());
  await page.keyboard.press('Shift+Tab');
  await page.waitForSelector('#tooltip .tooltiptext', { state: 'visible', timeout: 30000 });
  await page.waitForFunction(() => document.querySelector('#tooltip .tooltiptext').textContent.length > 10, null,
      { timeout: 30000 });
  result.tooltip = await page.evaluate(() => document.querySelector('#tooltip .tooltiptext').textContent);
  await page.screenshot({ path: join(outDir, 'shift-tab-documentation.png') });

  if (exportedHtml) {
    const exported = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await exported.goto(pathToFileURL(exportedHtml).href);
    result.exportImages = await exported.locator('img').count();
    await exported.screenshot({ path: join(outDir, 'lesson-html-export.png'), fullPage: false });
  }
} finally {
  await browser.close();
}
writeFileSync(join(outDir, 'result.json'), JSON.stringify(result, null, 1));
console.log(JSON.stringify(result));

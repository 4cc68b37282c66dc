// The baseline of npm run bench's process figures: a script that merely loads every workbook
// named (files, or the .xlsx files of folders) with ExcelJS, as a person might write one, run as a
// process of its own like the command it is compared with.
const ExcelJS = require('exceljs');
const fs = require('fs');
const path = require('path');

async function main(targets) {
  for (const target of targets) {
    const files = fs.statSync(target).isDirectory() ? fs.readdirSync(target).filter((f) => f.endsWith('.xlsx')).map((f) => path.join(target, f)) : [target];
    for (const file of files) await new ExcelJS.Workbook().xlsx.load(fs.readFileSync(file));
  }
}

main(process.argv.slice(2)).catch((err) => {
  console.error(err);
  process.exitCode = 1;
});

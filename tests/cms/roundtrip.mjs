// Reads and writes records with the web editor's record format (record-format.js), the way
// Decap CMS calls it on save: fromFile, then toFile with the collection's field order and the
// field comments. Used by tests/test_cms.py.
//
//   node roundtrip.mjs SPEC.json KIND=FILE...          prints {"FILE": "text written"} as JSON
//   node roundtrip.mjs --write SPEC.json KIND=FILE...  rewrites the files in that form
// A FILE ending in .json holds form data (as Decap hands it to toFile) instead of a record.
// SPEC.json holds {"orders": ..., "comments": ...}, as tests/test_cms.py writes it.
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(here, "..", "..");
const YAML = (await import(pathToFileURL(path.join(repo, "node_modules/yaml/browser/index.js")))).default;
const { recordFormat } = await import(
  pathToFileURL(path.join(repo, "generator/mantelkaart/assets/cms/record-format.js"))
);

const args = process.argv.slice(2);
const write = args[0] === "--write";
const [ordersFile, ...pairs] = write ? args.slice(1) : args;
const { orders, comments } = JSON.parse(fs.readFileSync(ordersFile, "utf8"));
const format = recordFormat(YAML, orders);
const result = {};
for (const pair of pairs) {
  const [kind, file] = pair.split("=", 2);
  const content = fs.readFileSync(file, "utf8");
  // A .json file holds form data as Decap hands it over; anything else is a record to read.
  const data = file.endsWith(".json") ? JSON.parse(content) : format.fromFile(content);
  result[file] = format.toFile(data, orders[kind].keys, comments[kind]);
  if (write) fs.writeFileSync(file, result[file]);
}
process.stdout.write(JSON.stringify(result));

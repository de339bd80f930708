// How the web editor (Decap CMS) reads and writes Mantelkaart records.
//
// Reading mirrors Mantelkaart's strict loader: every value stays the text the editor
// wrote (0781234567, 09:00, nee); only an empty value, ~ and null are empty.
// Writing gives one fixed layout, so that saving a record changes only the lines
// whose values changed: keys in the order of the record schema, lists of words on
// one line ([dementie, nah]), longer texts as literal blocks (|-), no folded lines,
// and quotes only where YAML needs them. Empty values are left out.
//
// recordFormat(YAML, orders): YAML is the `yaml` package (2.x); orders holds the key
// order of each record kind, generated from the schema (see cms.py).

const NULL_WORDS = new Set(["", "~", "null", "Null", "NULL"]);

function isEmpty(value) {
  if (value === null || value === undefined || value === "") return true;
  if (Array.isArray(value)) return value.length === 0;
  if (typeof value === "object") return Object.keys(value).length === 0;
  return false;
}

// Values without empty parts, with keys in schema order (unknown keys last, as found).
function tidy(value, order) {
  if (Array.isArray(value)) {
    return value.map((item) => tidy(item, order)).filter((item) => !isEmpty(item));
  }
  if (value === null || typeof value !== "object") return value;
  const keys = order && order.keys ? order.keys : [];
  const known = keys.filter((key) => key in value);
  const rest = Object.keys(value).filter((key) => !keys.includes(key));
  const result = {};
  for (const key of [...known, ...rest]) {
    const child = order && order.fields ? order.fields[key] : undefined;
    const cleaned = tidy(value[key], child);
    if (!isEmpty(cleaned)) result[key] = cleaned;
  }
  return result;
}

function orderFor(orders, sortedKeys) {
  const wanted = JSON.stringify(sortedKeys || []);
  for (const order of Object.values(orders || {})) {
    if (JSON.stringify(order.keys) === wanted) return order;
  }
  return { keys: sortedKeys || [], fields: {} };
}

export function recordFormat(YAML, orders) {
  return {
    fromFile(content) {
      const doc = YAML.parseDocument(content, { schema: "failsafe", uniqueKeys: true });
      if (doc.errors.length > 0) {
        throw new Error(doc.errors.map((error) => error.message).join("\n"));
      }
      YAML.visit(doc, {
        Scalar(key, node) {
          if (key !== "key" && node.type === "PLAIN" && NULL_WORDS.has(node.value)) node.value = null;
        },
      });
      return doc.toJS() || {};
    },

    toFile(data, sortedKeys = [], comments = {}) {
      const doc = new YAML.Document(tidy(data, orderFor(orders, sortedKeys)));
      YAML.visit(doc, {
        Seq(_, node) {
          if (node.items.every((item) => YAML.isScalar(item))) node.flow = true;
        },
      });
      for (const pair of YAML.isMap(doc.contents) ? doc.contents.items : []) {
        const comment = comments[String(pair.key)];
        if (comment) pair.key.commentBefore = ` ${comment}`;
      }
      return doc.toString({
        lineWidth: 0,
        blockQuote: "literal",
        flowCollectionPadding: false,
        indentSeq: true,
      });
    },
  };
}

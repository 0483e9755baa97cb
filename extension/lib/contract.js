// Generated from src/contract.rs by `ABRIDGE_BLESS=1 cargo test --test contract`: do not edit.
// The contract between the Rust core and the extension and demo page: the summarise message,
// the error codes, the limits and the order of fact kinds (src/contract.rs documents each).
// A classic script (content scripts are injected as such) that adds `contract` to the
// AbridgeLib namespace; ES modules import it for that effect.
(function (lib) {
  'use strict';
  lib.contract = Object.freeze({
    SUMMARIZE_MESSAGE: 'abridge:summarize',
    ERROR_CODES: Object.freeze({
      EMPTY_INPUT: 'empty_input',
      NOTHING_TO_SUMMARIZE: 'nothing_to_summarize',
      TOO_LARGE: 'too_large',
      BAD_ARGUMENT: 'bad_argument',
      INTERNAL: 'internal',
    }),
    MAX_INPUT_BYTES: 16777216,
    MAX_ANALYSED_SENTENCES: 250000,
    MAX_SUMMARY_SENTENCES: 100,
    MAX_LIST_ITEMS: 100,
    LONG_ARTICLE_CHARS: 300000,
    LONG_ARTICLE_PARAGRAPHS: 5000,
    FIRST_PART: 'first_part',
    FACT_KINDS: Object.freeze(['person', 'organisation', 'place', 'date', 'time', 'number', 'money', 'percent', 'quantity', 'quote']),
  });
})((globalThis.AbridgeLib = globalThis.AbridgeLib || {}));

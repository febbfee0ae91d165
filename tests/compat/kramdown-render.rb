# Renders Markdown fixtures with the real kramdown, configured as Jekyll 4 configures it for our writers.
#
# Usage: ruby kramdown-render.rb FILE... → prints a JSON object { "FILE": "<html>", ... }.
# One Ruby process for every fixture keeps the differential test fast.
#
# Options: the reference settings from COMPAT.md (input GFM, parse_block_html, gfm_quirks
# no_auto_typographic), plus the kramdown defaults that Jekyll 4.3 sets itself
# (lib/jekyll/configuration.rb and converters/markdown/kramdown_parser.rb): auto_ids, all six
# toc_levels, entity_output as_char, English smart quotes, hard_wrap false (kramdown-parser-gfm
# would default to true), footnote_nr 1, and Rouge highlighting with default_lang plaintext.
require "json"
require "kramdown"
require "kramdown-parser-gfm"

OPTIONS = {
  input: "GFM",
  parse_block_html: true,
  gfm_quirks: ["no_auto_typographic"],
  auto_ids: true,
  toc_levels: (1..6).to_a,
  entity_output: "as_char",
  smart_quotes: "lsquo,rsquo,ldquo,rdquo",
  hard_wrap: false,
  footnote_nr: 1,
  syntax_highlighter: "rouge",
  syntax_highlighter_opts: { default_lang: "plaintext", guess_lang: true },
}.freeze

out = {}
ARGV.each do |file|
  out[file] = Kramdown::Document.new(File.read(file, encoding: "UTF-8"), OPTIONS).to_html
end
print JSON.generate(out)

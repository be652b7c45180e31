#!/usr/bin/env bash
# Re-vendors the front-end packages into hireloop/static/vendor/ from the npm registry.
# The copies are committed: pages never load anything from a CDN at run time.
set -euo pipefail
cd "$(dirname "$0")/.."
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
(cd "$WORK" && npm init -y >/dev/null && npm install --silent bootstrap@5.3 htmx.org@2 echarts@5 codemirror@5)
DEST=hireloop/static/vendor
mkdir -p "$DEST/bootstrap" "$DEST/htmx" "$DEST/echarts" "$DEST/codemirror"
cp "$WORK/node_modules/bootstrap/dist/css/bootstrap.min.css" "$DEST/bootstrap/"
cp "$WORK/node_modules/bootstrap/dist/js/bootstrap.bundle.min.js" "$DEST/bootstrap/"
cp "$WORK/node_modules/bootstrap/LICENSE" "$DEST/bootstrap/LICENSE"
cp "$WORK/node_modules/htmx.org/dist/htmx.min.js" "$DEST/htmx/"
cp "$WORK/node_modules/htmx.org/LICENSE" "$DEST/htmx/LICENSE"
cp "$WORK/node_modules/echarts/dist/echarts.min.js" "$DEST/echarts/"
cp "$WORK/node_modules/echarts/LICENSE" "$DEST/echarts/LICENSE"
# CodeMirror 5: plain script files, no build step (version 6 needs a bundler).
cp "$WORK/node_modules/codemirror/lib/codemirror.js" "$WORK/node_modules/codemirror/lib/codemirror.css" "$DEST/codemirror/"
cp "$WORK/node_modules/codemirror/mode/python/python.js" "$DEST/codemirror/mode-python.js"
cp "$WORK/node_modules/codemirror/mode/javascript/javascript.js" "$DEST/codemirror/mode-javascript.js"
cp "$WORK/node_modules/codemirror/LICENSE" "$DEST/codemirror/LICENSE"
for pkg in bootstrap htmx.org echarts codemirror; do
    node -e "console.log('$pkg', require('$WORK/node_modules/$pkg/package.json').version)"
done > "$DEST/VERSIONS"
cat "$DEST/VERSIONS"

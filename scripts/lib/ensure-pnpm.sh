# Sourced by scripts/test and scripts/start. Puts the pnpm version pinned in package.json
# ("packageManager") on PATH, installing it from the npm registry into .tools/ when missing, so a
# machine with only Node 20 and npm needs nothing else.
want=$(node -p "require('./package.json').packageManager.split('@')[1]")
if ! command -v pnpm >/dev/null 2>&1 || [ "$(pnpm --version 2>/dev/null)" != "$want" ]; then
  if [ ! -x .tools/node_modules/.bin/pnpm ] || [ "$(.tools/node_modules/.bin/pnpm --version)" != "$want" ]; then
    echo "Installing pnpm $want into .tools/ ..."
    npm install --prefix "$PWD/.tools" --no-audit --no-fund --loglevel=error "pnpm@$want" >/dev/null
  fi
  export PATH="$PWD/.tools/node_modules/.bin:$PATH"
fi
node -e 'const [a,b]=process.versions.node.split(".").map(Number); if (a<20||(a===20&&b<19)) { console.error("Parley needs Node.js 20.19 or newer; this is "+process.version); process.exit(1) }'

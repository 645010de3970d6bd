// The SQLCipher module is a Node-API 10 binary, which Node 22 and later load; Node 20 crashes on it
// instead of refusing it. `npm run …` and `npx …` run the Node 22 that `npm install` puts in
// node_modules/.bin, so only a command started with an older `node` by hand meets this.
export function requireSupportedNode(howToRun) {
  if (Number(process.versions.napi) >= 10) return;
  console.error(
    `Sổ 86 cần Node.js 22 trở lên, đang chạy Node ${process.versions.node}: hãy chạy bằng "${howToRun}" để dùng Node 22 mà npm install đã cài. ` +
      `(Sổ 86 needs Node.js 22 or later: run "${howToRun}", which uses the Node 22 installed by npm install.)`,
  );
  process.exit(1);
}

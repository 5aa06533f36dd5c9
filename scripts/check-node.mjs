// Runs after `npm install`: a one-line hint when the Node that npm scripts run on is too old.
const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 22 || (major === 22 && minor < 12)) {
  console.warn(`Ayni necesita Node >= 22.12 (está usando ${process.versions.node}). Use "npm run <script>", que usa el Node 22 instalado como dependencia.`);
}

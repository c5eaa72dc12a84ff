// npm run dist: installers with electron-builder. The desktop shell (electron/) is not built
// yet, so there is nothing to package; say so instead of failing obscurely.
console.error('npm run dist: the Electron shell is not built yet, so there is no desktop app to package. Use `npm start` (browser mode) meanwhile.');
process.exit(1);

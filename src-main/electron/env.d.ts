// electron-vite resolves `import x from './file.ts?modulePath'` to the built path of that file as its own bundle.
declare module '*?modulePath' {
  const path: string;
  export default path;
}

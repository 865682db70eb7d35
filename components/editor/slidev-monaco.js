// Slidev's own Monaco set-up (the deck's {monaco} blocks use it): the same Monaco, themes, hovers and
// markers for the deck's own editors. A .js bridge with a declaration beside it: Slidev's client is
// TypeScript written for looser settings, so the type check reads slidev-monaco.d.ts instead of its
// source (as for types/slidev-client.d.ts), while Vite bundles the real module.
export { default } from '@slidev/client/setup/monaco.ts'

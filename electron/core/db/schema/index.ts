export * from './catalog';
export * from './engagements';
export * from './evidence';
export * from './risks';
export * from './signing';
export * from './audit';
export * from './documented-information';
export * from './iso27001';

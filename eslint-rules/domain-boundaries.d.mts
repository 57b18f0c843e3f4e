import type { Rule } from 'eslint';

export declare const domainBoundaries: Rule.RuleModule;
declare const plugin: { rules: { 'domain-boundaries': Rule.RuleModule } };
export default plugin;

export declare const sourceAliases: Readonly<Record<string, string>>;
export declare function aliasedPath(specifier: string): string | null;
export declare function bundlerAliases(root: string): Record<string, string>;

// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/**
 * Node's built-in modules that reach the machine: files, processes, the network, the terminal. Listed with and
 * without the `node:` prefix, since both import the same module.
 */
const MACHINE = [
  'fs',
  'fs/promises',
  'child_process',
  'os',
  'process',
  'net',
  'http',
  'https',
  'http2',
  'dgram',
  'dns',
  'dns/promises',
  'tls',
  'readline',
  'readline/promises',
  'tty',
  'worker_threads',
  'cluster',
  'inspector',
  'inspector/promises',
  'module',
  'v8',
  'vm',
  'async_hooks',
  'diagnostics_channel',
  'trace_events',
  'repl',
  'wasi',
  'sqlite',
  'timers',
  'timers/promises',
  'perf_hooks',
].flatMap((name) => [name, `node:${name}`]);

/** The names of MACHINE as one alternation for a selector's regular expression (`/` escaped). */
const MACHINE_NAMES = [...new Set(MACHINE.map((name) => name.replace(/^node:/, '')))]
  .map((name) => name.replace('/', '\\/'))
  .join('|');

/** A dynamic `import()` of a built-in that reaches the machine, which no-restricted-imports does not see. */
const DYNAMIC_MACHINE_IMPORT = {
  selector: `ImportExpression[source.value=/^(node:)?(${MACHINE_NAMES})$/]`,
  message: 'Reach files, processes and the network through src/io/ (docs/architecture.md).',
};

/**
 * An `import()` of a part above this one, or of a name that is not written out, which no-restricted-imports does not
 * see either. `callerNamed` lets through the one kind of name not written out that io/ loads: a module its caller
 * names by URL, for a worker thread (docs/architecture.md).
 * @param {string[]} parts
 * @param {string[]} [wiring]
 * @param {{ callerNamed?: boolean }} [options]
 */
const dynamicImportOf = (parts, wiring = WIRING_NAMES, { callerNamed = false } = {}) => ({
  selector: [
    `ImportExpression[source.value=/((^|\\/)(${parts.join('|')})\\/|(^|\\/)(${wiring.join('|')})\\.js$)/]`,
    ...(callerNamed ? [] : ["ImportExpression:not([source.type='Literal'])"]),
  ].join(', '),
  message: callerNamed
    ? `No import() of ${parts.map((part) => `${part}/`).join(', ')} or the wiring here (docs/architecture.md).`
    : `No import() of ${parts.map((part) => `${part}/`).join(', ')} or the wiring here, nor of a name not written out (docs/architecture.md).`,
});

/**
 * The name of a module that runs programs, however it is loaded: `import`, `import()`, `require` or `createRequire`.
 * Programs run through io/git.ts, io/git-revision.ts (git's batch reader of blobs) and io/editor.ts only.
 */
const CHILD_PROCESS = {
  selector: 'Literal[value=/^(node:)?child_process$/], TemplateElement[value.cooked=/^(node:)?child_process$/]',
  message:
    'Programs run through src/io/git.ts, src/io/git-revision.ts and src/io/editor.ts only (docs/architecture.md).',
};

/**
 * Globals that reach the process, the terminal or the network, for the parts that must not: what they need is
 * handed to them (the context's streams and environment, io/'s functions).
 */
const MACHINE_GLOBALS = [
  'process',
  'console',
  'fetch',
  'globalThis',
  'global',
  'require',
  'setTimeout',
  'setInterval',
  'setImmediate',
  'clearTimeout',
  'clearInterval',
  'clearImmediate',
  'queueMicrotask',
  'performance',
  'XMLHttpRequest',
  'WebSocket',
  'navigator',
].map((name) => ({ name, message: 'What this part needs of the process is handed to it (docs/architecture.md).' }));

/** The clock, which the pure parts are handed (`today`, `now`) instead of reading. */
const CLOCK = [
  { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: 'The pure parts are handed the date.' },
  { selector: "CallExpression[callee.name='Date']", message: 'The pure parts are handed the date.' },
  {
    // `new Intl.DateTimeFormat().format()`: today's date, read from the clock.
    selector:
      "CallExpression[callee.property.name=/^(format|formatToParts)$/][arguments.length=0][callee.object.type='NewExpression'][callee.object.callee.object.name='Intl']",
    message: 'The pure parts are handed the date.',
  },
];

/** The process's own exit and streams, which only src/main.ts (the exit code) and the wiring's writer reach. */
const PROCESS_EDGE = [
  { object: 'process', property: 'exit', message: 'Only src/main.ts ends the process (docs/architecture.md).' },
  { object: 'process', property: 'exitCode', message: 'Only src/main.ts sets the exit code (docs/architecture.md).' },
  {
    object: 'process',
    property: 'stdout',
    message: "Output goes through the context's streams (docs/architecture.md).",
  },
  {
    object: 'process',
    property: 'stderr',
    message: "Output goes through the context's streams (docs/architecture.md).",
  },
  { object: 'console', message: "Output goes through the context's streams (docs/architecture.md)." },
];
const CLOCK_PROPERTIES = [
  { object: 'Date', property: 'now', message: 'The pure parts are handed the time.' },
  { object: 'performance', property: 'now', message: 'The pure parts are handed the time.' },
];

/**
 * `import('…').Type` in a type: no-restricted-imports does not see it either.
 * @param {string[]} parts
 * @param {string[]} [wiring]
 */
const typeImportOf = (parts, wiring = WIRING_NAMES) => ({
  selector: `TSImportType[source.value=/((^|\\/)(${parts.join('|')})\\/|(^|\\/)(${wiring.join('|')})\\.js$)/]`,
  message: `No types from ${parts.map((part) => `${part}/`).join(', ')} or the wiring here: shared types live in src/core/ (docs/architecture.md).`,
});

/** The process's own modules: the wiring above every part (and the build's tools, which no part imports). */
const WIRING_NAMES = ['program', 'main', 'context', 'launch', 'help-fast'];
const WIRING = [...WIRING_NAMES.map((name) => `**/${name}.js`), '**/tools/*'];
/** The wiring a command may not use: all of it but the context it is handed (src/context.ts). */
const COMMANDS_MAY_NOT_WIRING = WIRING_NAMES.filter((name) => name !== 'context');
const CORE_MAY_NOT = ['@inquirer/*', '**/commands/*', '**/ui/*', '**/io/*', '**/cli/*', ...WIRING];

/**
 * Modules a part may not import, type imports included, each refusal with the reason.
 * @param {string[]} names
 * @param {string} message
 */
const refuse = (names, message) => names.map((name) => ({ name, message, allowTypeImports: false }));

/** Randomness, which the pure parts are handed (as `bytes`) like the clock, so that a run can be made again. */
const RANDOM_CALLS = ['randomBytes', 'randomInt', 'randomUUID', 'randomFill', 'randomFillSync', 'getRandomValues'];
const RANDOM_MESSAGE = 'The pure parts are handed randomness, as they are the date (docs/architecture.md).';
/** What the core may not import of modules it may otherwise use: randomness from node:crypto, colours from node:util. */
const CORE_IMPURE_IMPORTS = [
  ...['crypto', 'node:crypto'].map((name) => ({
    name,
    importNames: RANDOM_CALLS,
    message: RANDOM_MESSAGE,
    allowTypeImports: false,
  })),
  ...['util', 'node:util'].map((name) => ({
    name,
    importNames: ['styleText'],
    message: 'The core has no prompts, colours or command line (docs/architecture.md).',
    allowTypeImports: false,
  })),
];

/** What the core's code may not hold, beyond its imports. */
const CORE_SYNTAX = [
  { selector: 'ImportExpression', message: 'The core loads no module at run time: io/ hands it what it needs.' },
  typeImportOf(['io', 'commands', 'ui', 'cli', 'tools']),
  CHILD_PROCESS,
  ...CLOCK,
  // `crypto.randomBytes(…)` through a namespace or the global `crypto`, and `Math.random()`.
  { selector: `MemberExpression[property.name=/^(${RANDOM_CALLS.join('|')})$/]`, message: RANDOM_MESSAGE },
  { selector: "MemberExpression[object.name='Math'][property.name='random']", message: RANDOM_MESSAGE },
];

/** What no module of the UI may import, the real prompter's included: a built-in that reaches the machine, a part above. */
const UI_NO_MACHINE = refuse(
  MACHINE,
  'The UI turns results into text: it reaches no files or processes (docs/architecture.md).',
);
const UI_INWARD = [
  {
    group: ['**/io/*', '**/commands/*', '**/cli/*', ...WIRING],
    message: 'The UI knows the core and nothing above it; shared types live in src/core/ (docs/architecture.md).',
    allowTypeImports: false,
  },
  {
    group: ['**/core/i18n/i18n.js'],
    importNames: ['t'],
    message: "The UI's messages come from ui/words.ts, whose t() makes their parameters safe for a terminal.",
  },
];

/** A JSON document is what ui/dto.ts builds: the type Dto, which no other module makes by a cast. */
const DTO_CAST = {
  selector: ['TSAsExpression', 'TSTypeAssertion']
    .map((cast) => `${cast} > TSTypeReference[typeName.name='Dto']`)
    .join(', '),
  message: 'Every JSON document is built by src/ui/dto.ts: call a builder of it, never cast a value into a Dto.',
};

/**
 * What the UI's code may not hold, with the rule for `import()` of a built-in given: the real prompter's lets
 * node:readline through.
 * @param {{ selector: string, message: string }} machineImport
 */
const uiSyntax = (machineImport) => [
  machineImport,
  dynamicImportOf(['io', 'commands', 'cli', 'tools']),
  typeImportOf(['io', 'commands', 'cli', 'tools']),
  CHILD_PROCESS,
  ...CLOCK,
  DTO_CAST,
];

/** The wiring but for src/main.ts, and the context it hands the commands. */
const WIRING_FILES = ['src/cli/**/*.ts', 'src/program.ts', 'src/context.ts', 'src/launch.ts', 'src/help-fast.ts'];
/** io/ and the wiring but for src/main.ts: no exit, no exit code, no writing to the process's streams. */
const BELOW_THE_EDGE = ['src/io/**/*.ts', ...WIRING_FILES];

/** What io/ may not load, static, `import()` or `import('…')` type: the parts above it and the wiring. */
const IO_PARTS_ABOVE = ['commands', 'ui', 'cli', 'tools'];
/** The UI's libraries, which io/ has no use for: it draws nothing and parses no command line. */
const UI_PACKAGES = ['chalk', 'commander', '@inquirer/prompts'];
const IO_INWARD = 'io/ knows the core and nothing above it; shared types live in src/core/ (docs/architecture.md).';
const IO_NO_UI =
  'io/ reads and writes the machine: it draws nothing and parses no command line (docs/architecture.md).';

/**
 * A module io/ may not load, named in a call (`require`, the one createRequire makes) or, for the UI's libraries,
 * in an `import()`: no-restricted-imports sees neither, and dynamicImportOf only the parts' paths.
 */
const IO_PACKAGE_NAME = '^(chalk|commander|@inquirer\\/[\\w.-]+)(\\/|$)';
const IO_MODULE_NAME = [
  `^\\.\\.?\\/(.*\\/)?(${IO_PARTS_ABOVE.join('|')})\\/`,
  `^\\.\\.?\\/(.*\\/)?(${WIRING_NAMES.join('|')})\\.js$`,
  IO_PACKAGE_NAME,
].join('|');
const IO_LOAD_BY_NAME = {
  selector: [
    `CallExpression > Literal[value=/${IO_MODULE_NAME}/]`,
    `CallExpression > TemplateLiteral > TemplateElement[value.cooked=/${IO_MODULE_NAME}/]`,
    `ImportExpression > Literal[value=/${IO_PACKAGE_NAME}/]`,
    `ImportExpression > TemplateLiteral > TemplateElement[value.cooked=/${IO_PACKAGE_NAME}/]`,
  ].join(', '),
  message: "io/ loads nothing above it, nor the UI's libraries, by require() or import() (docs/architecture.md).",
};
/**
 * The `require` that createRequire makes takes a name written out, as the core's loaders do: a name computed at run
 * time could be any module above io/.
 */
const IO_REQUIRE_WRITTEN_OUT = [
  "CallExpression[callee.name='require']:not([arguments.0.type='Literal'])",
  "CallExpression[callee.type='CallExpression'][callee.callee.name='createRequire']:not([arguments.0.type='Literal'])",
  // The require createRequire makes is called `require`, so that the rules above see every call of it.
  "VariableDeclarator[init.callee.name='createRequire']:not([id.name='require'])",
  "AssignmentExpression[right.callee.name='createRequire']",
  "ImportSpecifier[imported.name='createRequire']:not([local.name='createRequire'])",
].map((selector) => ({
  selector,
  message: 'io/ loads a module by its name written out, so that lint sees what it loads (docs/architecture.md).',
}));

/**
 * io/'s modules with a rule of their own, each for its reason; every other module of io/ has all of io/'s rules.
 * git and the user's editor run programs (CHILD_PROCESS).
 */
const IO_RUNS_PROGRAMS = ['src/io/git.ts', 'src/io/git-revision.ts', 'src/io/editor.ts'];
/**
 * page-writer.ts and parallel-read.ts load, on their worker threads, a module their caller names by URL: the maker
 * of an idea's HTML that `ideas site` names (ui/site-markdown.ts), the computation read-ideas.ts or
 * `ideas validate` names. That module is the caller's, imported by its caller too; io/ imports nothing of it.
 */
const IO_LOADS_CALLERS_MODULE = ['src/io/page-writer.ts', 'src/io/parallel-read.ts'];
/**
 * schemas.ts hands the validators compiled at build time a `require` of their own, which loads ajv's runtime
 * modules by the names the generated code asks for.
 */
const IO_REQUIRES_FOR_VALIDATORS = ['src/io/schemas.ts'];
/**
 * The writers: the modules of io/ that change what is on disk with the file system's own calls, each by steps
 * docs/architecture.md describes. Everything else writes through them (atomic-file.ts's writeFileAtomic,
 * createFileExclusive, makeFolder, renameFile, removeFile…): a raw write elsewhere would pass the crash test, which
 * kills only the fault points that are there.
 */
const IO_WRITERS = [
  // Temp file, then rename or link (`write:temp-written`); the thin calls the rest of io/ makes.
  'src/io/atomic-file.ts',
  // Their own steps, each a fault point: the journal, the write lock, a move, an import, a site and its pages.
  'src/io/journal.ts',
  'src/io/lock.ts',
  'src/io/idea-write.ts',
  'src/io/import-write.ts',
  'src/io/site-dir.ts',
  'src/io/page-writer.ts',
  // A removed member's repository, set aside in one rename before it is deleted (`region:prune-repo`).
  'src/io/region/member-cache.ts',
  // Without fault points, each for its reason: the cache (lost or cut short, the next run is only slower); the
  // scratch files of processes that are gone, which nothing reads (a removal cut short is done again by the next
  // writer); the crash tests' hooks, which write only the trace and pause files a test names.
  'src/io/file-cache.ts',
  'src/io/write-session.ts',
  'src/io/faults.ts',
];

/** The file system's calls that create, change or remove a file or folder; fs/promises has them by the same names. */
const FS_CHANGES = [
  'writeFile',
  'appendFile',
  'rename',
  'copyFile',
  'cp',
  'rm',
  'rmdir',
  'unlink',
  'mkdir',
  'mkdtemp',
  'symlink',
  'link',
  'truncate',
  'ftruncate',
  'write',
  'writev',
  'chmod',
  'fchmod',
  'lchmod',
  'chown',
  'fchown',
  'lchown',
  'utimes',
  'futimes',
  'lutimes',
  'open',
];
const RAW_WRITES =
  'Files are written by the writers of io/ that docs/architecture.md names, with their steps and fault points: write through io/atomic-file.ts.';
/**
 * What a module that is not a writer may not import of node:fs: the calls that change the disk (openSync, which a
 * reader opens a file with, is RAW_WRITE_SYNTAX's), a write stream, and the module whole (default, namespace,
 * `promises`), through which any call could be made. A namespace import of a module with importNames is refused.
 */
const RAW_WRITE_IMPORTS = [
  ...['fs', 'node:fs'].map((name) => ({
    name,
    importNames: [
      ...FS_CHANGES.flatMap((call) => (call === 'open' ? [call] : [call, `${call}Sync`])),
      'createWriteStream',
      'WriteStream',
      'promises',
      'default',
    ],
    message: RAW_WRITES,
  })),
  ...['fs/promises', 'node:fs/promises'].map((name) => ({
    name,
    importNames: [...FS_CHANGES, 'default'],
    message: RAW_WRITES,
  })),
];
const FS_NAME = '^(node:)?fs(\\/promises)?$';
/** The same, where no-restricted-imports does not look: node:fs loaded by import() or require, openSync to write. */
const RAW_WRITE_SYNTAX = [
  ...[
    `ImportExpression > Literal[value=/${FS_NAME}/]`,
    `CallExpression > Literal[value=/${FS_NAME}/]`,
    `:matches(ImportExpression, CallExpression) > TemplateLiteral > TemplateElement[value.cooked=/${FS_NAME}/]`,
  ].map((selector) => ({ selector, message: RAW_WRITES })),
  // openSync is how a reader opens a file too (read-limited.ts): with read-only flags, 'r' or O_RDONLY, and under
  // its own name, so that the rule sees each call.
  ...[
    "CallExpression[callee.name='openSync'][arguments.length>1]:not([arguments.1.value=/^rs?$/]):not(:has(Identifier[name='O_RDONLY']))",
    "CallExpression[callee.name='openSync']:has(Identifier[name=/^O_(WRONLY|RDWR|CREAT|TRUNC|APPEND)$/])",
    "ImportSpecifier[imported.name='openSync']:not([local.name='openSync'])",
  ].map((selector) => ({
    selector,
    message: `Outside the writers, a file is opened to read only ('r' or O_RDONLY). ${RAW_WRITES}`,
  })),
];

const IO_OWN_RULES = [
  ...new Set([...IO_RUNS_PROGRAMS, ...IO_LOADS_CALLERS_MODULE, ...IO_REQUIRES_FOR_VALIDATORS, ...IO_WRITERS]),
];

/**
 * io/'s rules for one of its modules (`file`, or '' for any without a rule of its own): the core below it and
 * nothing above, type imports included, however a module is loaded; and no raw write outside the writers.
 * @param {string} file
 */
const ioRules = (file) => ({
  '@typescript-eslint/no-restricted-imports': [
    'error',
    {
      paths: refuse(UI_PACKAGES, IO_NO_UI),
      patterns: [
        {
          group: ['@inquirer/*', '**/commands/*', '**/ui/*', '**/cli/*', ...WIRING],
          message: IO_INWARD,
          allowTypeImports: false,
        },
      ],
    },
  ],
  'no-restricted-syntax': [
    'error',
    dynamicImportOf(IO_PARTS_ABOVE, WIRING_NAMES, { callerNamed: IO_LOADS_CALLERS_MODULE.includes(file) }),
    typeImportOf(IO_PARTS_ABOVE),
    IO_LOAD_BY_NAME,
    ...(IO_REQUIRES_FOR_VALIDATORS.includes(file) ? [] : IO_REQUIRE_WRITTEN_OUT),
    ...(IO_RUNS_PROGRAMS.includes(file) ? [] : [CHILD_PROCESS]),
    ...(IO_WRITERS.includes(file) ? [] : RAW_WRITE_SYNTAX),
  ],
  // The core rule, beside typescript-eslint's above: a second list of refused imports, for the writes alone.
  'no-restricted-imports': IO_WRITERS.includes(file) ? 'off' : ['error', { paths: RAW_WRITE_IMPORTS }],
});

const CORE_NO_IO = 'The core does no I/O: src/io/ loads what it needs and hands it in (docs/architecture.md).';
const CORE_NO_UI = 'The core has no prompts, colours or command line (docs/architecture.md).';
const CORE_INWARD = 'The core depends on nothing above it; shared types live in src/core/ (docs/architecture.md).';

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'bench/data/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: {
        process: 'readonly',
        console: 'readonly',
        Buffer: 'readonly',
        URL: 'readonly',
        TextDecoder: 'readonly',
        performance: 'readonly',
        setTimeout: 'readonly',
        clearTimeout: 'readonly',
      },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // Every source file in src/ is a .ts file. The rules of each part match `src/<part>/**/*.ts`, and tsc (whose
    // `include` is the whole folder) compiles .mts, .cts and .tsx as well, and Node runs .js, .mjs and .cjs: a module
    // of another extension would escape every boundary here. Refusing the file keeps each rule's `files` one pattern.
    files: ['src/**/*.{mts,cts,tsx,js,mjs,cjs,jsx}'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: 'Program',
          message: 'Source files in src/ end in .ts, which the boundaries match (docs/architecture.md).',
        },
      ],
    },
  },
  {
    // The command's entry point is CommonJS (bin/package.json), so that a command starts without Node's ES module
    // loader (docs/performance.md).
    files: ['bin/**/*.js'],
    languageOptions: { sourceType: 'commonjs', globals: { require: 'readonly', __dirname: 'readonly' } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    // The core is the domain: no files, child processes, network, prompts, colours, command line or `process`; it is
    // handed what io/ loads (schemas, validators, file contents). Type imports count: a type from io/ is a dependency.
    files: ['src/core/**/*.ts'],
    ignores: ['src/core/**/*.test.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [
            ...refuse(['chalk', 'commander', '@inquirer/prompts'], CORE_NO_UI),
            ...refuse(MACHINE, CORE_NO_IO),
            ...CORE_IMPURE_IMPORTS,
          ],
          patterns: [{ group: CORE_MAY_NOT, message: CORE_INWARD, allowTypeImports: false }],
        },
      ],
      'no-restricted-syntax': ['error', ...CORE_SYNTAX],
      'no-restricted-globals': ['error', ...MACHINE_GLOBALS],
      'no-restricted-properties': ['error', ...CLOCK_PROPERTIES],
    },
  },
  {
    // The two libraries the core loads on first use, by package name (never a path), to keep start-up fast: the
    // YAML package that keeps a file's formatting and RE2's engine for criteria patterns. Nothing else in the core.
    files: ['src/core/front-matter/yaml-package.ts', 'src/core/criteria/linear-regexp.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [
            ...refuse(['chalk', 'commander', '@inquirer/prompts'], CORE_NO_UI),
            ...refuse(
              MACHINE.filter((name) => name !== 'node:module'),
              CORE_NO_IO,
            ),
            ...CORE_IMPURE_IMPORTS,
          ],
          patterns: [{ group: CORE_MAY_NOT, message: CORE_INWARD, allowTypeImports: false }],
        },
      ],
      // The one package each loads, by its name: nothing else through the `require` it makes.
      'no-restricted-syntax': [
        'error',
        ...CORE_SYNTAX,
        ...[
          "CallExpression[callee.type='CallExpression'][callee.callee.name='createRequire']:not([arguments.0.value=/^(yaml|re2js)$/])",
          "CallExpression[callee.name='require']:not([arguments.0.value=/^(yaml|re2js)$/])",
          // The require createRequire makes is called `require`, so that the rule above sees every call of it.
          "VariableDeclarator[init.callee.name='createRequire']:not([id.name='require'])",
          "AssignmentExpression[right.callee.name='createRequire']",
        ].map((selector) => ({
          selector,
          message: 'The core loads the yaml package and RE2 by name, and nothing else.',
        })),
      ],
    },
  },
  {
    // The core's tests build fixtures from files and the package's own schemas (io/schemas.ts), but test the core
    // alone: nothing from the commands, the UI or the wiring.
    files: ['src/core/**/*.test.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: refuse(['chalk', 'commander', '@inquirer/prompts'], CORE_NO_UI),
          patterns: [
            {
              group: ['**/commands/*', '**/ui/*', '**/cli/*', ...WIRING],
              message: CORE_INWARD,
              allowTypeImports: false,
            },
          ],
        },
      ],
    },
  },
  {
    // The UI turns results into text: it knows the core's types and nothing of files, git, commands or the wiring.
    files: ['src/ui/**/*.ts'],
    ignores: ['src/ui/**/*.test.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [
            ...UI_NO_MACHINE,
            ...refuse(
              ['@inquirer/prompts'],
              'Prompts are drawn by the real prompter alone (ui/prompter.ts, ui/inquirer.ts).',
            ),
          ],
          patterns: UI_INWARD,
        },
      ],
      'no-restricted-syntax': ['error', ...uiSyntax(DYNAMIC_MACHINE_IMPORT)],
      'no-restricted-globals': ['error', ...MACHINE_GLOBALS],
      'no-restricted-properties': ['error', ...CLOCK_PROPERTIES],
    },
  },
  {
    // The real prompter draws its questions on the streams it is handed, and reads typed lines with node:readline:
    // the one place in the UI that reaches the terminal, and only through those streams.
    files: ['src/ui/prompter.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        ...uiSyntax({
          ...DYNAMIC_MACHINE_IMPORT,
          selector: `ImportExpression[source.value=/^(node:)?(${MACHINE_NAMES})$/]:not([source.value=/^node:readline$/])`,
        }),
      ],
    },
  },
  {
    // The module that builds every JSON document, and so the one that makes a value a Dto.
    files: ['src/ui/dto.ts'],
    rules: {
      'no-restricted-syntax': ['error', ...uiSyntax(DYNAMIC_MACHINE_IMPORT).filter((rule) => rule !== DTO_CAST)],
    },
  },
  {
    // The four prompts the real prompter draws, named here so that the rest of @inquirer/prompts is never loaded.
    files: ['src/ui/inquirer.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': ['error', { paths: UI_NO_MACHINE, patterns: UI_INWARD }],
    },
  },
  {
    // io/ reaches the machine for the parts above it, and knows only the core: nothing of the commands, the UI, the
    // command table or the wiring, however loaded. git runs through io/git.ts (and its batch reader of blobs) alone,
    // the user's editor through io/editor.ts.
    files: ['src/io/**/*.ts'],
    ignores: ['src/**/*.test.ts', ...IO_OWN_RULES],
    rules: ioRules(''),
  },
  ...IO_OWN_RULES.map((file) => ({ files: [file], rules: ioRules(file) })),
  {
    // The wiring runs no program and writes no file of its own either: git, the editor and the writes go through io/.
    files: [...WIRING_FILES, 'src/main.ts'],
    ignores: ['src/**/*.test.ts'],
    rules: {
      'no-restricted-syntax': ['error', CHILD_PROCESS, ...RAW_WRITE_SYNTAX],
      'no-restricted-imports': ['error', { paths: RAW_WRITE_IMPORTS }],
    },
  },
  {
    // Only src/main.ts ends the process and sets its exit code; output goes through the context's streams.
    files: BELOW_THE_EDGE,
    ignores: ['src/**/*.test.ts'],
    rules: {
      'no-restricted-properties': ['error', ...PROCESS_EDGE],
    },
  },
  {
    // Commands return results: they never print or exit, and they reach files, git and other programs only through
    // io/ (whose writes go through io/atomic-file.ts and its fault points).
    files: ['src/commands/**/*.ts'],
    ignores: ['src/**/*.test.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [
            ...refuse(['chalk', 'commander'], 'Commands return results: presenters in src/ui/ render them.'),
            ...refuse(['@inquirer/prompts'], 'Commands ask through the prompter they are handed (ctx.prompter).'),
            ...refuse(MACHINE, 'Commands reach files, git and programs only through src/io/ (docs/architecture.md).'),
          ],
          patterns: [
            {
              group: ['**/cli/*', '**/program.js', '**/main.js', '**/launch.js', '**/help-fast.js', '**/tools/*'],
              message:
                'Commands are handed their context (src/context.ts); the wiring above them is not theirs to use.',
              allowTypeImports: false,
            },
          ],
        },
      ],
      'no-restricted-syntax': [
        'error',
        DYNAMIC_MACHINE_IMPORT,
        dynamicImportOf(['cli', 'tools'], COMMANDS_MAY_NOT_WIRING),
        CHILD_PROCESS,
        typeImportOf(['cli', 'tools'], COMMANDS_MAY_NOT_WIRING),
        ...[
          "CallExpression[callee.property.name='write'][callee.object.property.name=/^(stdout|stderr)$/]",
          "MemberExpression[object.name='ctx'][property.name=/^(stdout|stderr)$/]",
          "MemberExpression[object.name='ctx'][property.value=/^(stdout|stderr)$/]",
          "VariableDeclarator[init.name='ctx'] > ObjectPattern > Property[key.name=/^(stdout|stderr)$/]",
          "ObjectPattern[typeAnnotation.typeAnnotation.typeName.name='Ctx'] > Property[key.name=/^(stdout|stderr)$/]",
        ].map((selector) => ({
          selector,
          message:
            'Commands never print: the presenter renders the result, the prompter shows notes between questions.',
        })),
      ],
      'no-restricted-globals': ['error', ...MACHINE_GLOBALS],
    },
  },
);

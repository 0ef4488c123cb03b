/** The soak test's command-line options. */
export interface SoakOptions {
  minutes: number;
  editors: number;
  sections: number;
  /** Child processes the editors are spread over. */
  generators: number;
  /** Where to write the JSON result; the Markdown and SVG go beside it. Default bench/results/<date>-soak.json. */
  out: string | null;
}

const usage =
  'use --minutes N (default 10), --editors N (default 300), --sections N (default 30), --generators N (default 3), --out FILE';

export function parseSoakOptions(argv: string[]): SoakOptions {
  const options: SoakOptions = {
    minutes: 10,
    editors: 300,
    sections: 30,
    generators: 3,
    out: null,
  };
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i]!;
    const [name, inline] = arg.startsWith('--') && arg.includes('=') ? arg.split('=', 2) : [arg];
    const value = () => {
      const given = inline ?? argv[++i];
      if (given === undefined) throw new Error(`${name} needs a value`);
      return given;
    };
    const count = (what: string, min: number, max: number) => {
      const number = Number(value());
      if (!(number >= min && number <= max))
        throw new Error(`${what} must be a number from ${min} to ${max}`);
      return number;
    };
    if (name === '--minutes') options.minutes = count('--minutes', 0.5, 24 * 60);
    else if (name === '--editors') options.editors = Math.round(count('--editors', 1, 5_000));
    else if (name === '--sections') options.sections = Math.round(count('--sections', 1, 500));
    else if (name === '--generators') options.generators = Math.round(count('--generators', 1, 16));
    else if (name === '--out') options.out = value();
    else throw new Error(`unknown option ${arg} (${usage})`);
  }
  if (options.sections > options.editors)
    throw new Error('--sections must not be more than --editors: every section needs an editor');
  return options;
}

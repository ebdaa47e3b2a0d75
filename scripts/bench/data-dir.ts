/** Where `npm run seed:scale` keeps its embedded database (and `npm run bench` finds it). */
export const SCALE_DATA_DIR = ".data-scale";

/** The LLM judge critic's name. */
export const DEEP_ANALYSIS = 'deep_analysis';

// What the page loads after first paint for a token beside the main one and for sharing: the diff, links, report.

export { diffTokens, formatDifferences, type ChangeKind, type DiffResult, type Difference } from './diff';
export {
	buildUnsignedShareUrl,
	describeShareRisk,
	REDACTED,
	type RedactionChoice,
	type ShareRisk,
} from './share';
export { formatReport, type ReportBinding, type ReportInput, type ReportVerdict } from './report';

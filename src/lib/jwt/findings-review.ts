// The security review beyond the basics: header parameters, signatures, claims, sensitive data and JWE, in one lazily loaded module.

import { checkClaims } from './findings-claims';
import { checkHeaderParameters } from './findings-header';
import { checkJweHeader } from './findings-jwe';
import { checkSensitiveData } from './findings-sensitive';
import { checkSignature } from './findings-signature';

/** The review checks, passed to `listFindingsWith` so the page can load them after first paint. */
export const review = Object.freeze({
	checkHeaderParameters,
	checkJweHeader,
	checkSignature,
	checkClaims,
	checkSensitiveData,
});

export type FindingReview = typeof review;

// The security review beyond the basics: header parameters, signatures, claims, sensitive data and JWE, in one lazily loaded module.

import { checkAlgorithmName } from './algorithm';
import { checkClaims } from './claims';
import { checkHeaderParameters } from './header';
import { checkJweHeader } from './jwe';
import { checkProfile } from './profile-checks';
import { checkSensitiveData } from './sensitive';
import { checkSignature } from './signature';

/** The review checks, passed to `listFindingsWith` so the page can load them after first paint. */
export const review = Object.freeze({
	checkHeaderParameters,
	checkAlgorithmName,
	checkJweHeader,
	checkSignature,
	checkClaims,
	checkProfile,
	checkSensitiveData,
});

export type FindingReview = typeof review;

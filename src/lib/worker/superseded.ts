// The one way an off-thread request ends that is not a failure: a newer request made it void.

/** The request was stopped because a newer one made it void; nothing is wrong. */
export class SupersededError extends Error {
	constructor() {
		super('superseded by a newer request');
		this.name = 'SupersededError';
	}
}

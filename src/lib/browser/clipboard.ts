// Copying text for the person, with a plain answer when the browser refuses.

/** Writes `text` to the clipboard; resolves to a sentence saying what happened. */
export async function copyText(text: string, what: string): Promise<{ ok: boolean; message: string }> {
	try {
		await navigator.clipboard.writeText(text);
		return { ok: true, message: `${what} copied to the clipboard.` };
	} catch (error) {
		// Permission denied or no clipboard (insecure context): say so instead of failing silently.
		if (error instanceof Error)
			return {
				ok: false,
				message: `Could not copy the ${what.toLowerCase()}: the browser refused (${error.name}).`,
			};
		throw error;
	}
}

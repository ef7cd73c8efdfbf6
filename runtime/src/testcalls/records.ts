import type { ContactRecordSink } from '../logs/contact-record.js';

/** The contact tag a test call's record carries (Connect's `aws:` prefix is theirs; this one is ours). */
export const TEST_CALL_TAG = 'parley:testCall';

/**
 * Contact records of test calls carry a tag, so reports and the designer can tell a draft's test
 * from a customer's call; Connect's record has no field of its own for that.
 */
export function markTestContacts(
  sink: ContactRecordSink,
  isTest: (contactId: string) => boolean,
): ContactRecordSink {
  return {
    write(record) {
      sink.write(
        isTest(record.ContactId) ? { ...record, Tags: { ...record.Tags, [TEST_CALL_TAG]: 'true' } } : record,
      );
    },
    flush: () => sink.flush(),
    close: () => sink.close(),
  };
}

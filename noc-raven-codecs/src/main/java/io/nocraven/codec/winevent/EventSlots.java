package io.nocraven.codec.winevent;

/**
 * The fields of one event as one dialect names them, before they are checked and mapped to the canonical record.
 * The reader keeps one instance per dialect so that a key that means one thing in PowerShell output and is
 * event data in NXLog output (for example {@code ProcessId}) lands in both places and the dialect, known only at
 * the end of the object, picks which one counts. Reusable; {@link #reset()} before each event.
 */
final class EventSlots
{
    final NumberSlot eventId = new NumberSlot();
    final NumberSlot qualifiers = new NumberSlot();
    final NumberSlot version = new NumberSlot();
    final NumberSlot level = new NumberSlot();
    final NumberSlot task = new NumberSlot();
    final NumberSlot opcode = new NumberSlot();
    final NumberSlot keywords = new NumberSlot();
    final NumberSlot recordId = new NumberSlot();
    final NumberSlot processId = new NumberSlot();
    final NumberSlot threadId = new NumberSlot();
    final NumberSlot severityValue = new NumberSlot();
    final NamedValues eventData = new NamedValues();
    final NamedValues userData = new NamedValues();
    String time;
    String computer;
    String channel;
    String provider;
    String providerGuid;
    String user;
    String activityId;
    String message;
    String levelName;
    String taskName;
    String opcodeName;
    /** OR of the bits of the keyword names seen (Winlogbeat); valid when {@link #keywordNamesSeen}. */
    long keywordNameBits;
    boolean keywordNamesSeen;
    /** The first problem found while reading (a field of the wrong JSON type), or null. */
    String problem;

    void reset()
    {
        eventId.reset();
        qualifiers.reset();
        version.reset();
        level.reset();
        task.reset();
        opcode.reset();
        keywords.reset();
        recordId.reset();
        processId.reset();
        threadId.reset();
        severityValue.reset();
        eventData.reset();
        userData.reset();
        time = null;
        computer = null;
        channel = null;
        provider = null;
        providerGuid = null;
        user = null;
        activityId = null;
        message = null;
        levelName = null;
        taskName = null;
        opcodeName = null;
        keywordNameBits = 0;
        keywordNamesSeen = false;
        problem = null;
    }

    /**
     * Records a problem unless one was already recorded (the first one is reported).
     *
     * @param reason short, stable text.
     */
    void problem(final String reason)
    {
        if (problem == null)
        {
            problem = reason;
        }
    }
}

import type { ScriptAnswer, ScriptQuestion, ScriptQuestionSet } from './question-set.js';
import { child, children, text, type OutNode } from './script-xml.js';
import type { ScriptNode } from './script-schema.js';

function questionType(q: ScriptQuestion): OutNode {
  switch (q.type.kind) {
    case 'free-text':
      return { FreeText: { DefaultNextQuestionID: q.defaultNextQuestionId } };
    case 'numeric':
      return {
        Numeric: {
          Integer: q.type.integer ? 'true' : undefined,
          ...(q.conditionalNext.length
            ? {
                ComparisonRouting: q.conditionalNext.map((c) => ({
                  ComparisonOperator: c.operator,
                  ComparisonValue: c.value,
                  NextQuestionID: c.nextQuestionId,
                })),
              }
            : {}),
          DefaultNextQuestionID: q.defaultNextQuestionId,
        },
      };
    case 'date':
      return {
        Date: {
          ...(q.conditionalNext.length
            ? {
                ComparisonRouting: q.conditionalNext.map((c) => ({
                  ComparisonOperator: c.operator,
                  ComparisonValue: c.value,
                  NextQuestionID: c.nextQuestionId,
                })),
              }
            : {}),
          DefaultNextQuestionID: q.defaultNextQuestionId,
        },
      };
    case 'select':
      return {
        Select: {
          MultipleSelect: q.type.multiple ? 'true' : 'false',
          Choice: q.type.choices.map((c, i) => ({
            ChoiceID: c.id,
            SequenceNumber: String(i + 1),
            ChoiceText: c.text,
            NextQuestionID: c.nextQuestionId,
          })),
        },
      };
  }
}

/** The question set as SCRIPT elements (docs/epa-script.md#question-sets). */
export function questionSetXml(set: ScriptQuestionSet): OutNode {
  return {
    QuestionSetID: set.id,
    QuestionSetTitle: set.title,
    Question: set.questions.map((q) => ({
      QuestionID: q.id,
      SequenceNumber: String(q.sequence),
      QuestionText: q.text,
      Required: q.required ? 'true' : 'false',
      QuestionType: questionType(q),
    })),
    AttachmentRequest: set.attachments.map((a) => ({
      AttachmentID: a.id,
      Description: a.text,
      Required: a.required ? 'true' : 'false',
    })),
  };
}

/** The answers of a validated PARequest QuestionSet, with each answer's element path. */
export function readAnswers(questionSet: ScriptNode | undefined, basePath: string): ScriptAnswer[] {
  return children(questionSet, 'Question').map((q, i, all) => {
    const path = `${basePath}/Question${all.length > 1 ? `[${i + 1}]` : ''}`;
    const r = child(q, 'QuestionResponse');
    return {
      questionId: text(child(q, 'QuestionID'))!,
      path,
      freeText: text(child(r, 'FreeTextResponse')),
      numeric: text(child(r, 'NumericResponse')),
      date: text(child(r, 'DateResponse', 'Date')),
      choiceIds: child(r, 'SelectedChoice')
        ? children(r, 'SelectedChoice').map((c) => text(child(c, 'ChoiceID'))!)
        : undefined,
    };
  });
}

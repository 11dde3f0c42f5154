import { useText } from '../i18n/i18n';

/** The renderer's own words (the questions themselves come from the questionnaire). */
const TEXT = {
  en: {
    required: 'required',
    optional: 'optional',
    requiredError: 'Answer this question.',
    yes: 'Yes',
    no: 'No',
    clear: 'Clear answer',
    choose: 'Choose…',
    chooseUnit: 'Choose a unit',
    unit: 'Unit',
    unitMissing: 'Choose a unit for this amount.',
    notNumber: 'Enter a number, like 7.5 (digits and one decimal point only).',
    notWhole: 'Enter a whole number, like 12.',
    tooSmall: 'Enter {min} or more.',
    tooLarge: 'Enter {max} or less.',
    range: 'From {min} to {max}.',
    attachFile: 'Choose a file (PDF, PNG, JPEG or TIFF)',
    uploading: 'Uploading {name}…',
    uploaded: 'Attached: {name}',
    remove: 'Remove file',
    replace: 'Replace the file',
    uploadFailed: 'The file was not attached: {reason}',
    uploadUnavailable: 'Files cannot be attached here.',
    notAnswered: 'Not answered',
    other: 'Other (type it)',
  },
  es: {
    required: 'obligatoria',
    optional: 'opcional',
    requiredError: 'Responda esta pregunta.',
    yes: 'Sí',
    no: 'No',
    clear: 'Borrar respuesta',
    choose: 'Elija…',
    chooseUnit: 'Elija una unidad',
    unit: 'Unidad',
    unitMissing: 'Elija una unidad para esta cantidad.',
    notNumber: 'Escriba un número, como 7.5 (solo dígitos y un punto decimal).',
    notWhole: 'Escriba un número entero, como 12.',
    tooSmall: 'Escriba {min} o más.',
    tooLarge: 'Escriba {max} o menos.',
    range: 'De {min} a {max}.',
    attachFile: 'Elija un archivo (PDF, PNG, JPEG o TIFF)',
    uploading: 'Subiendo {name}…',
    uploaded: 'Adjunto: {name}',
    remove: 'Quitar archivo',
    replace: 'Cambiar el archivo',
    uploadFailed: 'El archivo no se adjuntó: {reason}',
    uploadUnavailable: 'Aquí no se pueden adjuntar archivos.',
    notAnswered: 'Sin respuesta',
    other: 'Otra (escríbala)',
  },
};

export type QuestionnaireText = (typeof TEXT)['en'];

export function useQuestionnaireText(): QuestionnaireText {
  return useText(TEXT);
}

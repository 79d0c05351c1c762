/**
 * Face picker: the grid of faces (stickers) a user sends. Main files: `face-picker.tsx`,
 * `use-face-picker.ts`, `face-picker-faces.ts` (the built-in set). May import `@tidings/core`, React and
 * sibling folders through their index.
 */
export { FacePicker, type FacePickerProps } from './face-picker';
export { DEFAULT_FACE_SET, DEFAULT_FACES, type Face, faceName, findFace } from './face-picker-faces';
export { type UseFacePickerOptions, type UseFacePickerReturn, useFacePicker } from './use-face-picker';

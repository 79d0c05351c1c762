export { FacePicker, type FacePickerProps } from './face-picker';
export { DEFAULT_FACE_SET, DEFAULT_FACES, type Face, faceName, findFace } from './face-picker-faces';
export { type UseFacePickerOptions, type UseFacePickerReturn, useFacePicker } from './use-face-picker';

import { messages } from './catalog';

/** Long jobs (imports, backups, report files) and the part of the program that runs them apart from the window. */
export const jobsMessages = messages(
  {
    'error.JOB_CANCELLED': 'Đã dừng theo yêu cầu; không có thay đổi nào được ghi vào sổ.',
    'error.SERVICE_HOST_CRASHED':
      'Bộ phận xử lý dữ liệu của chương trình gặp sự cố và đã được khởi động lại; sổ dữ liệu đã khóa lại để an toàn. Hãy đăng nhập và làm lại thao tác vừa rồi. Nếu lỗi lặp lại, gửi tệp nhật ký cho người hỗ trợ kỹ thuật.',
    'error.SERVICE_HOST_UNAVAILABLE':
      'Bộ phận xử lý dữ liệu của chương trình không khởi động được. Hãy đóng rồi mở lại Sổ 86; nếu lỗi lặp lại, gửi tệp nhật ký cho người hỗ trợ kỹ thuật.',
    'job.cancel': 'Dừng',
    'job.cancelling': 'Đang dừng…',
    'job.working': 'Đang xử lý…',
    'job.count': '{done} / {total}',
    'job.phase.import.preview': 'Đang kiểm tra tệp',
    'job.phase.import.commit': 'Đang nhập vào sổ',
    'job.phase.packages.import': 'Đang kiểm tra và nhập tệp báo cáo',
    'job.phase.packages.export': 'Đang lập tệp báo cáo',
    'job.phase.snapshot': 'Đang chụp bản sao sổ dữ liệu',
    'job.phase.checking': 'Đang kiểm tra bản sao',
    'job.phase.writing': 'Đang ghi tệp sao lưu',
    'job.phase.verifying': 'Đang đọc lại tệp sao lưu để kiểm tra',
  },
  {
    'error.JOB_CANCELLED': 'Stopped as asked; nothing was written to the registry.',
    'error.SERVICE_HOST_CRASHED':
      'The part of the program that works on the data failed and has been restarted; the registry was locked to be safe. Sign in and do the last step again. If it happens again, send the log file to technical support.',
    'error.SERVICE_HOST_UNAVAILABLE':
      'The part of the program that works on the data could not start. Close Sổ 86 and open it again; if it happens again, send the log file to technical support.',
    'job.cancel': 'Stop',
    'job.cancelling': 'Stopping…',
    'job.working': 'Working…',
    'job.count': '{done} / {total}',
    'job.phase.import.preview': 'Checking the file',
    'job.phase.import.commit': 'Importing into the registry',
    'job.phase.packages.import': 'Checking and importing report files',
    'job.phase.packages.export': 'Making the report file',
    'job.phase.snapshot': 'Taking a copy of the registry',
    'job.phase.checking': 'Checking the copy',
    'job.phase.writing': 'Writing the backup file',
    'job.phase.verifying': 'Reading the backup file back to check it',
  },
);
